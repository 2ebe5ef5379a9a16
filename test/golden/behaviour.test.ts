// Behaviour of the built-in types and functions against CPython 3.11: every program in
// behaviour/cases (prefixed by behaviour/prelude.py, whose show() prints one line per probe) is
// compiled and run in-process by our VM, and what it prints must equal behaviour/expected/NAME.out,
// written by scripts/behaviour-regen.py from `PYTHONHASHSEED=0 python3`.
//
// behaviour/ledger.txt lists, with a reason, each case that does not match yet ("NAME reason").
// The test fails on a mismatch the ledger does not list and on a listed case that now matches.
// BEHAVIOUR_FILTER=text runs only cases whose name contains text; BEHAVIOUR_SHOW=n prints the
// first n differing lines of each failing case (default 6).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileSource, normalizeNewlines } from '../../runtime/src/index';
import { runProgram } from '../../runtime/src/vm/program';
import { MemoryHost } from '../../runtime/src/vm/host';

const ROOT = path.join(__dirname, 'behaviour');
const CASES = path.join(ROOT, 'cases');
const EXPECTED = path.join(ROOT, 'expected');
const LEDGER = path.join(ROOT, 'ledger.txt');
const FOLDER = '/behaviour';
const TICK_LIMIT = 50_000_000;

/** Keep in step with combine() in scripts/behaviour-regen.py. */
function combine(prelude: string, source: string): string {
  return `_PRELUDE_LINES = ${prelude.split('\n').length}\n` + prelude + source;
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

function run(name: string, prelude: string): string {
  const file = `${FOLDER}/${name}.py`;
  const source = combine(prelude, normalizeNewlines(fs.readFileSync(path.join(CASES, `${name}.py`), 'utf8')));
  const host = new MemoryHost(file, { [file]: source });
  let tail = '';
  try {
    const { exitCode } = runProgram(compileSource(source, file), host, { tickLimit: TICK_LIMIT });
    if (exitCode !== 0) tail = `<<exit ${exitCode}>>\n`;
  } catch (error) {
    tail = `<<crash: ${(error as Error).stack}>>\n`;
  }
  return (host.output + tail).split(FOLDER + '/').join('$DIR/').replace(/0x[0-9a-fA-F]{6,}/g, '0x?');
}

function firstDifferences(output: string, expected: string, limit: number): string[] {
  const got = output.split('\n');
  const want = expected.split('\n');
  const lines: string[] = [];
  for (let i = 0; i < Math.max(got.length, want.length) && lines.length < limit * 2; i++) {
    if (got[i] === want[i]) continue;
    lines.push(`      - ${want[i] ?? '<end>'}`, `      + ${got[i] ?? '<end>'}`);
  }
  return lines;
}

describe('built-in types and functions behave like CPython 3.11', () => {
  it('prints what CPython prints for every behaviour case', function () {
    this.timeout(20 * 60_000);
    const filter = process.env.BEHAVIOUR_FILTER ?? '';
    const show = Number(process.env.BEHAVIOUR_SHOW ?? 6);
    const known = ledger();
    const prelude = fs.readFileSync(path.join(ROOT, 'prelude.py'), 'utf8');
    const names = fs.readdirSync(CASES).filter((n) => n.endsWith('.py')).map((n) => n.slice(0, -3))
      .filter((n) => n.includes(filter)).sort();
    const unexpected: string[] = [];
    const nowPassing: string[] = [];
    let identical = 0;
    let probes = 0;
    let probesIdentical = 0;
    for (const name of names) {
      const expected = fs.readFileSync(path.join(EXPECTED, `${name}.out`), 'utf8');
      const output = run(name, prelude);
      const want = expected.split('\n');
      const got = new Set(output.split('\n'));
      probes += want.length - 1;
      probesIdentical += want.slice(0, -1).filter((line) => got.has(line)).length;
      if (output === expected) {
        identical++;
        if (known.has(name)) nowPassing.push(name);
      } else if (!known.has(name)) {
        unexpected.push(name);
        console.log(`    ${name}:\n${firstDifferences(output, expected, show).join('\n')}`);
      }
    }
    console.log(`      behaviour: ${identical}/${names.length} identical to CPython ` +
      `(${probesIdentical}/${probes} lines); ${known.size} listed in the ledger`);
    assert.deepEqual(unexpected, [], 'cases that differ from CPython and are not in behaviour/ledger.txt');
    assert.deepEqual(nowPassing, [], 'cases that match now: remove them from behaviour/ledger.txt');
  });
});
