// multiprocessing on the runtime: each cases/*.py is compared with CPython 3.11's output committed next
// to it (python3 test/unit/multiprocessing/regen.py); tracebacks through library frames are dropped
// before comparing, as for the stdlib cases. The cases print only what CPython fixes (pids and
// addresses are masked in the programs themselves).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strict as assert } from 'node:assert';
import { runCase, dropLibraryFrames } from '../stdlib/runCase';

const casesDir = path.join(__dirname, 'cases');

describe('multiprocessing vs CPython 3.11', () => {
  const cases = fs.readdirSync(casesDir).filter((f) => f.endsWith('.py')).sort();
  for (const c of cases) {
    it(c.replace(/\.py$/, ''), function () {
      this.timeout(120_000);
      const source = fs.readFileSync(path.join(casesDir, c), 'utf8');
      const expected = fs.readFileSync(path.join(casesDir, c.replace(/\.py$/, '.out')), 'utf8');
      assert.equal(dropLibraryFrames(runCase(source)), dropLibraryFrames(expected));
    });
  }
});
