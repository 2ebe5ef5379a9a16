import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DictKeysModel } from '../../../runtime/src/hashing/dictKeys';

// Expected sizes are CPython 3.11's sys.getsizeof after each step (scripts/gen-hash-fixtures.py).
const fixtures = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'dictsizes.json'), 'utf8'));

/** Replays an `other` dict built by inserting keys of the given kinds into an empty dict. */
function built(kinds: boolean[]): DictKeysModel {
  const d = new DictKeysModel();
  for (const isStr of kinds) d.setItem(isStr, true);
  return d;
}

describe('dict key-table sizes match sys.getsizeof in CPython 3.11', () => {
  it(`random histories (${fixtures.histories.length})`, () => {
    let steps = 0;
    for (const [n, history] of fixtures.histories.entries()) {
      let d = new DictKeysModel();
      for (const [k, step] of history.entries()) {
        switch (step[0]) {
          case 'set': d.setItem(step[1], step[2]); break;
          case 'del': d.deleteItem(); break;
          case 'clear': d.clear(); break;
          case 'copy': d = d.copy(); break;
          case 'literal': {
            const kinds: boolean[] = step[1];
            d = DictKeysModel.presized(kinds.length, kinds.every((isStr) => isStr));
            for (const isStr of kinds) d.setItem(isStr, true);
            break;
          }
          case 'update': d.update(built(step[1]), step[2].map(([isStr, isNew]: [boolean, boolean]) => ({ isStr, isNew }))); break;
        }
        assert.equal(d.sizeof(), step[step.length - 1], `history ${n} step ${k} ${JSON.stringify(step)}`);
        steps++;
      }
    }
    assert.ok(steps > 5000);
  });
});
