// The memory probes: small programs that print what people look at when they study CPython's
// memory — sys.getrefcount, sys.getsizeof, id() reuse after a free, `is` on cached ints and
// interned strings, gc counts, weakref callbacks, __del__ order — run by pyxray in-process and
// compared with CPython 3.11's output (test/golden/probes/expected, written by
// scripts/probes-regen.py; never edited by hand).
//
// ledger.txt lists, one line per case with its reason, the probes that do not match yet. The
// test fails on a mismatch not listed and on a listed case that now matches, and prints
// "memory probes: N/M identical to CPython". Cases named gc_*, weakref_*, del_* belong to the
// collector side of the memory work; the harness runs every *.py in cases/ alike.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileSource, normalizeNewlines } from '../../runtime/src/index';
import { runProgram } from '../../runtime/src/vm/program';
import { MemoryHost } from '../../runtime/src/vm/host';
import { normalise } from '../unit/vm/normalize';

const DIR = path.join(__dirname, 'probes');
const CASES = path.join(DIR, 'cases');
const EXPECTED = path.join(DIR, 'expected');
const LEDGER = path.join(DIR, 'ledger.txt');
const TICK_LIMIT = 50_000_000;

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

/** pyxray's output for a case, in the expected file's form (normalised, `exit N` when not 0). */
export function runProbe(name: string): string {
  const file = path.join(CASES, `${name}.py`);
  const source = normalizeNewlines(fs.readFileSync(file, 'utf8'));
  const host = new MemoryHost(file, { [file]: source }, '');
  try {
    const { exitCode } = runProgram(compileSource(source, file), host, { tickLimit: TICK_LIMIT });
    return normalise(host.output, CASES) + (exitCode !== 0 ? `exit ${exitCode}\n` : '');
  } catch (error) {
    return normalise(host.output, CASES) + `<<crash: ${(error as Error).stack}>>\n`;
  }
}

describe('memory probes vs CPython 3.11', () => {
  it('print what CPython prints', function () {
    this.timeout(20 * 60_000);
    const known = ledger();
    const only = process.env.PROBES ? new Set(process.env.PROBES.split(',')) : null;
    const names = fs.readdirSync(CASES).filter((f) => f.endsWith('.py')).map((f) => f.slice(0, -3)).sort()
      .filter((n) => only === null || only.has(n));
    const unexpected: string[] = [];
    const nowPassing: string[] = [];
    let identical = 0;
    for (const name of names) {
      const expectedFile = path.join(EXPECTED, `${name}.out`);
      if (!fs.existsSync(expectedFile)) {
        unexpected.push(`${name}: no expected output (run scripts/probes-regen.py ${name})`);
        continue;
      }
      const expected = fs.readFileSync(expectedFile, 'utf8');
      const actual = runProbe(name);
      if (actual === expected) {
        identical++;
        if (known.has(name)) nowPassing.push(name);
      } else if (!known.has(name)) {
        unexpected.push(`${name}:\n--- CPython\n${expected}--- pyxray\n${actual}`);
      }
    }
    console.log(`      memory probes: ${identical}/${names.length} identical to CPython`);
    assert.deepEqual(nowPassing, [], `listed in ledger.txt but now identical (remove their lines): ${nowPassing.join(', ')}`);
    assert.equal(unexpected.length, 0, `probes differing from CPython and not in ledger.txt:\n${unexpected.join('\n')}`);
  });
});
