// `pyxray run` against CPython 3.11 on the corpus: every `core` program (no concurrency, no
// third-party packages) is compiled by our compiler, run by our VM, and its merged stdout+stderr,
// normalised by test/oracle/normalize.py's rules, must equal CPython's committed .out, with the
// same exit code. Programs whose output varies between CPython runs (manifest: deterministic=no)
// must still run to CPython's exit code; what is compared for them is written in the ledger.
//
// corpus-run-ledger.txt lists, with a reason, every program that does not match yet. The test
// fails on a mismatch that is not listed, and on a listed program that now matches (so the list
// can only shrink honestly). The counts are printed on every run.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileSource, normalizeNewlines } from '../../runtime/src/index';
import { runProgram } from '../../runtime/src/vm/program';
import { MemoryHost } from '../../runtime/src/vm/host';
import { normalise } from '../unit/vm/normalize';

const CORPUS = path.join(__dirname, '..', 'corpus');
const SEEDS = path.join(CORPUS, 'seeds');
const LEDGER = path.join(__dirname, 'corpus-run-ledger.txt');
const TICK_LIMIT = 50_000_000;

interface ManifestRow {
  name: string;
  group: string;
  deterministic: boolean;
  exit: number;
}

function manifest(): ManifestRow[] {
  const lines = fs.readFileSync(path.join(CORPUS, 'manifest.tsv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const [name, group, deterministic, exit] = line.split('\t');
    return { name, group, deterministic: deterministic === 'yes', exit: Number(exit) };
  });
}

function ledger(): Map<string, string> {
  const known = new Map<string, string>();
  if (!fs.existsSync(LEDGER)) return known;
  for (const line of fs.readFileSync(LEDGER, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [name, ...reason] = line.split(/\s+/);
    known.set(name, reason.join(' '));
  }
  return known;
}

function run(row: ManifestRow): { output: string; exitCode: number } {
  const file = path.join(SEEDS, `${row.name}.py`);
  const source = normalizeNewlines(fs.readFileSync(file, 'utf8'));
  const stdinFile = path.join(SEEDS, `${row.name}.stdin`);
  const stdin = fs.existsSync(stdinFile) ? fs.readFileSync(stdinFile, 'utf8') : '';
  const host = new MemoryHost(file, { [file]: source }, stdin);
  try {
    const { exitCode } = runProgram(compileSource(source, file), host, { tickLimit: TICK_LIMIT });
    return { output: normalise(host.output, SEEDS), exitCode };
  } catch (error) {
    return { output: normalise(host.output, SEEDS) + `\n<<crash: ${(error as Error).stack}>>`, exitCode: -1 };
  }
}

describe('pyxray run vs CPython 3.11 on the core corpus', () => {
  it('prints what CPython prints', function () {
    this.timeout(20 * 60_000);
    const known = ledger();
    const rows = manifest().filter((row) => row.group === 'core');
    const unexpected: string[] = [];
    const nowPassing: string[] = [];
    let identical = 0;
    let deterministic = 0;
    let exitOnly = 0;
    for (const row of rows) {
      const { output, exitCode } = run(row);
      const expected = fs.readFileSync(path.join(SEEDS, `${row.name}.out`), 'utf8');
      const ok = row.deterministic ? output === expected && exitCode === row.exit : exitCode === row.exit;
      if (row.deterministic) deterministic++;
      if (ok && row.deterministic) identical++;
      if (ok && !row.deterministic) exitOnly++;
      if (!ok && !known.has(row.name)) {
        const at = [...expected].findIndex((ch, i) => output[i] !== ch);
        unexpected.push(`${row.name} (exit ${exitCode}, CPython ${row.exit}); first difference near: ${JSON.stringify(output.slice(Math.max(0, at - 40), at + 80))}`);
      }
      if (ok && known.has(row.name)) nowPassing.push(row.name);
    }
    console.log(`      run: ${identical}/${deterministic} deterministic core programs identical to CPython; ` +
      `${exitOnly}/${rows.length - deterministic} nondeterministic ones end like CPython; ${known.size} listed in the ledger`);
    assert.deepEqual(unexpected, [], 'programs that differ from CPython and are not in corpus-run-ledger.txt');
    assert.deepEqual(nowPassing, [], 'programs that match now: remove them from corpus-run-ledger.txt');
  });
});
