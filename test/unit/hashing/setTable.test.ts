import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashInt, hashStr, hashFromDunderHash, type PyHash } from '../../../runtime/src/hashing/hash';
import { SetTable } from '../../../runtime/src/hashing/setTable';

// Expected orders come from CPython 3.11 (scripts/gen-hash-fixtures.py, PYTHONHASHSEED=0).
// Elements are "i:<int>" or "s:<str>"; equal Python values have equal encodings.
const fixtures = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'sets.json'), 'utf8'));

function hashOf(element: string): PyHash {
  return element.startsWith('i:') ? hashInt(BigInt(element.slice(2))) : hashStr(element.slice(2));
}
const withHash = (items: string[]) => items.map((x) => [x, hashOf(x)] as const);
let comparisons = 0;
const equals = (a: string, b: string) => { comparisons++; return a === b; };
const newSet = () => new SetTable<string>(equals);
function fromList(items: string[]): SetTable<string> {
  const s = newSet();
  s.addAll(withHash(items));
  return s;
}

describe('set table order matches CPython 3.11', () => {
  it(`random add/discard/pop/clear and set algebra (${fixtures.scenarios.length} scenarios)`, () => {
    let steps = 0;
    for (const [n, scenario] of fixtures.scenarios.entries()) {
      if (!Array.isArray(scenario)) continue;
      let s = newSet();
      for (const [k, step] of scenario.entries()) {
        const [op] = step;
        const expected: string[] = step[step.length - 1];
        const items: string[] = Array.isArray(step[1]) ? step[1] : [];
        switch (op) {
          case 'add': s.add(step[1], hashOf(step[1])); break;
          case 'discard': s.discard(step[1], hashOf(step[1])); break;
          case 'pop': assert.equal(s.pop(), step[1], `scenario ${n} step ${k}: pop`); break;
          case 'clear': s.clear(); break;
          case 'update': s.addAll(withHash(items)); break;
          case 'updateSet': s.mergeSet(fromList(items)); break;
          case 'updateDict': s.mergeDictKeys(withHash([...new Set(items)])); break;
          case 'copy': s = s.copy(); break;
          case 'or': s = s.union(fromList(items)); break;
          case 'and': s = s.intersection(fromList(items)); break;
          case 'rand': s = fromList(items).intersection(s); break;
          case 'sub': s = s.difference(fromList(items)); break;
          case 'rsub': s = fromList(items).difference(s); break;
          case 'xor': s = s.symmetricDifference(fromList(items)); break;
          case 'rxor': s = fromList(items).symmetricDifference(s); break;
          case 'iand': s.intersectionUpdate(fromList(items)); break;
          case 'isub': s.differenceUpdate(fromList(items)); break;
          case 'ixor': s.symmetricDifferenceUpdate(fromList(items)); break;
          case 'intersectionList': s = s.intersectionWithItems(withHash(items)); break;
          case 'differenceUpdateList': s.differenceUpdateWithItems(withHash(items)); break;
          case 'intersectionUpdateList': s.intersectionUpdateWithItems(withHash(items)); break;
          case 'fromList': s = fromList(items); break;
          case 'subDict': {
            const keys = withHash([...new Set(items)]);
            s = s.differenceWithDict(keys, (k) => keys.some(([x]) => x === k));
            break;
          }
          case 'symDiffUpdateList': s.symmetricDifferenceUpdateWithItems(withHash(items)); break;
          case 'symDiffUpdateDict': s.symmetricDifferenceUpdateWithDict(withHash([...new Set(items)])); break;
          case 'symDiffList': { const other = fromList(items); other.symmetricDifferenceUpdate(s); s = other; break; }
          case 'unionList': s = s.copy(); s.addAll(withHash(items)); break;
          case 'differenceList': s = s.differenceWithItems(withHash(items)); break;
          default: throw new Error('unknown op ' + op);
        }
        assert.deepEqual(s.toArray(), expected, `scenario ${n} step ${k}: ${op}`);
        assert.equal(s.sizeof(), step[step.length - 2], `scenario ${n} step ${k}: sys.getsizeof`);
        assert.equal(s.size, expected.length);
        steps++;
      }
    }
    assert.ok(steps > 5000);
    assert.ok(comparisons > 0, 'equal-hash, unequal keys were exercised');
  });
  it('bulk growth, deletion and pop over thousands of keys', () => {
    for (const scenario of fixtures.scenarios) {
      if (Array.isArray(scenario)) continue;
      const [added, orderAfterAdds, removed, orderAfterRemoval, popped, orderAfterPops] = scenario.bulk;
      const s = fromList(added);
      assert.deepEqual(s.toArray(), orderAfterAdds);
      for (const x of removed) s.discard(x, hashOf(x));
      assert.deepEqual(s.toArray(), orderAfterRemoval);
      assert.deepEqual(popped.map(() => s.pop()), popped);
      assert.deepEqual(s.toArray(), orderAfterPops);
    }
  });
  it('pop on an empty set reports undefined and membership follows equality', () => {
    const s = newSet();
    assert.equal(s.pop(), undefined);
    s.add('i:-1', hashInt(-1));
    assert.ok(!s.has('i:-2', hashInt(-2)));
    assert.ok(s.has('i:-1', hashInt(-1)));
  });
});

describe('set table calls __eq__ exactly when and where CPython does', () => {
  const hashFixtures = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'hashes.json'), 'utf8'));
  it(`logged __eq__ calls of add/discard/in (${hashFixtures.setEqCalls.length} scenarios)`, () => {
    interface Probe { ident: number; group: number }
    for (const [n, steps] of hashFixtures.setEqCalls.entries()) {
      let log: [number, number][] = [];
      const s = new SetTable<Probe>((stored, key) => { log.push([stored.ident, key.ident]); return stored.group === key.group; });
      for (const [k, [op, ident, h, group, expectedLog, result, order]] of steps.entries()) {
        const probe = { ident, group };
        const hash = hashFromDunderHash(BigInt(h));
        log = [];
        let actual: boolean | null = null;
        if (op === 'add') s.add(probe, hash);
        else if (op === 'discard') s.discard(probe, hash);
        else actual = s.has(probe, hash);
        assert.deepEqual(log, expectedLog, `scenario ${n} step ${k} ${op}: __eq__ calls`);
        assert.equal(actual, result, `scenario ${n} step ${k} ${op}: result`);
        assert.deepEqual(s.toArray().map((p) => p.ident), order, `scenario ${n} step ${k} ${op}: order`);
      }
    }
  });
});
