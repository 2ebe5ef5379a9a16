// The compiler and disassembler against CPython 3.11: for every golden case and corpus program
// with a committed dis expectation (test/golden/expected/dis, written by scripts/golden-regen.py
// from test/oracle/dis_dump.py), disDumpText must print the same text, byte for byte.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { disDumpText } from '../../../runtime/src/compiler/compile';

const TEST_DIR = path.resolve(__dirname, '../..');
const EXPECTED = path.join(TEST_DIR, 'golden/expected/dis');

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

describe('dis: compiler output identical to CPython 3.11', function () {
  this.timeout(600000);
  it('every golden case and corpus program', () => {
    const files = expectedFiles(EXPECTED);
    const failures: string[] = [];
    let identical = 0;
    for (const expectedFile of files) {
      const rel = path.relative(EXPECTED, expectedFile).replace(/\.txt$/, '.py');
      const source = path.join(TEST_DIR, rel);
      if (!fs.existsSync(source)) continue;
      let got: string;
      try {
        got = disDumpText(fs.readFileSync(source, 'utf8'), rel);
      } catch (error) {
        got = `internal error: ${(error as Error).message}`;
      }
      if (got === fs.readFileSync(expectedFile, 'utf8')) identical++;
      else failures.push(rel);
    }
    console.log(`      dis: ${identical}/${identical + failures.length} identical to CPython`);
    if (failures.length) console.log(`      first differences: ${failures.slice(0, 10).join(', ')}`);
    assert.ok(files.length > 0, 'no expected dis files');
    assert.ok(identical / (identical + failures.length) >= MINIMUM_PASS_RATE, `${failures.length} files differ`);
  });
});

/** Raised as the compiler covers more; the goal is 1.0. */
const MINIMUM_PASS_RATE = 0.95;
