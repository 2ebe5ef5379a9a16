// Development aid (needs python3): runs the manifest's `core` programs from CPython's own
// bytecode (scripts/dev/cpythonAst.ts) on our VM and compares with the committed .out files.
// usage: npx tsx test/unit/vm/runCorpus.ts [name-filter] [--show]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cpythonCode } from '../../../scripts/dev/cpythonAst';
import { compileSource } from '../../../runtime/src/compiler/compile';
import { runProgram } from '../../../runtime/src/vm/program';
import { MemoryHost } from '../../../runtime/src/vm/host';
import { normalise } from './normalize';

const root = path.resolve(__dirname, '../../corpus');
const seeds = path.join(root, 'seeds');
const rows = fs.readFileSync(path.join(root, 'manifest.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
const filter = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : '';
const show = process.argv.includes('--show');
let pass = 0, total = 0;
const failures: string[] = [];
for (const [name, group] of rows) {
  if (group !== 'core' || !name.includes(filter)) continue;
  total++;
  if (process.env.TRACE) console.error(name);
  const file = path.join(seeds, `${name}.py`);
  const expected = fs.readFileSync(path.join(seeds, `${name}.out`), 'utf8');
  const stdinFile = path.join(seeds, `${name}.stdin`);
  const stdin = fs.existsSync(stdinFile) ? fs.readFileSync(stdinFile, 'utf8') : '';
  const host = new MemoryHost(file, { [file]: fs.readFileSync(file, 'utf8') }, stdin);
  let actual: string;
  try {
    const code = process.env.OURS ? compileSource(fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n'), file) : cpythonCode(file);
    runProgram(code, host, { tickLimit: 3_000_000 });
    actual = normalise(host.output, seeds);
  } catch (e) {
    actual = normalise(host.output, seeds) + `\n<<JS crash: ${(e as Error).stack}>>`;
  }
  if (actual === expected) pass++;
  else {
    failures.push(name);
    if (show) {
      console.log(`=== ${name}\n--- expected\n${expected}\n--- actual\n${actual}`);
    }
  }
}
console.log(`core: ${pass}/${total} pass`);
if (!show) console.log('failing:', failures.join(' '));
