// The compiler and disassembler against CPython 3.11: for every golden case and corpus program
// with a committed dis expectation (test/golden/expected/dis, written by scripts/golden-regen.py
// from test/oracle/dis_dump.py), disDumpText must print the same text, byte for byte, except for
// the files listed in dis-known-mismatches.txt (which the test reports once they match).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { disDumpText } from '../../../runtime/src/compiler/compile';

const TEST_DIR = path.resolve(__dirname, '../..');
const EXPECTED = path.join(TEST_DIR, 'golden/expected/dis');
const KNOWN = path.join(__dirname, 'dis-known-mismatches.txt');

function expectedFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...expectedFiles(full));
    else if (entry.name.endsWith('.txt')) out.push(full);
  }
  return out.sort();
}

function knownMismatches(): Set<string> {
  const lines = fs.readFileSync(KNOWN, 'utf8').split('\n').map((l) => l.trim());
  return new Set(lines.filter((l) => l && !l.startsWith('#')));
}

describe('dis: compiler output identical to CPython 3.11', function () {
  this.timeout(600000);
  it('every golden case and corpus program', () => {
    const files = expectedFiles(EXPECTED);
    const known = knownMismatches();
    const unexpected: string[] = [];
    const fixed: string[] = [];
    let identical = 0;
    let total = 0;
    for (const expectedFile of files) {
      const rel = path.relative(EXPECTED, expectedFile).replace(/\.txt$/, '.py');
      const source = path.join(TEST_DIR, rel);
      if (!fs.existsSync(source)) continue;
      total++;
      let got: string;
      try {
        got = disDumpText(fs.readFileSync(source, 'utf8'), rel);
      } catch (error) {
        got = `internal error: ${(error as Error).message}`;
      }
      const same = got === fs.readFileSync(expectedFile, 'utf8');
      if (same) identical++;
      if (same && known.has(rel)) fixed.push(rel);
      if (!same && !known.has(rel)) unexpected.push(rel);
    }
    console.log(`      dis: ${identical}/${total} identical to CPython; ${known.size} listed in dis-known-mismatches.txt`);
    if (fixed.length) console.log(`      now matching, remove from dis-known-mismatches.txt: ${fixed.join(', ')}`);
    assert.ok(total > 0, 'no expected dis files');
    assert.deepEqual(unexpected, [], `dis dumps differ from CPython: ${unexpected.slice(0, 20).join(', ')}`);
  });
});
