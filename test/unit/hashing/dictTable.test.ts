import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashFromDunderHash, type PyHash } from '../../../runtime/src/hashing/hash';
import { DictTable } from '../../../runtime/src/hashing/dictTable';

// CPython 3.11's logged __eq__ calls, key order and sys.getsizeof after each step of random
// dict histories (scripts/gen-hash-fixtures.py). Keys are Probe objects (user __hash__/__eq__,
// equal when their groups match) or strs.
const fixtures = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'hashes.json'), 'utf8'));

type Key = string | { ident: number; group: number };
const identOf = (k: Key) => (typeof k === 'string' ? k : k.ident);

describe('dict table as CPython 3.11', () => {
  it(`__eq__ calls, order and sys.getsizeof (${fixtures.dictEqCalls.length} histories)`, () => {
    let steps = 0;
    for (const [n, history] of fixtures.dictEqCalls.entries()) {
      let log: [number, number][] = [];
      const equals = (stored: Key, key: Key) => {
        if (typeof stored === 'string' || typeof key === 'string') return stored === key;
        log.push([stored.ident, key.ident]);
        return stored.group === key.group;
      };
      // A key of the fixture: [ident, hash, isStr, group].
      const keyOf = (ident: number | string, isStr: boolean, group: number): Key => (isStr ? (ident as string) : { ident: ident as number, group });
      let d = new DictTable<Key, number>(equals);
      for (const [k, [op, extra, expectedLog, order, size]] of history.entries()) {
        log = [];
        const label = `history ${n} step ${k} ${op}`;
        const hashOf = (h: string): PyHash => hashFromDunderHash(BigInt(h));
        switch (op) {
          case 'set': {
            const [ident, h, isStr, group] = extra;
            d.set(keyOf(ident, isStr, group), hashOf(h), k, isStr);
            break;
          }
          case 'setdefault': {
            const [ident, h, isStr, group, returned] = extra;
            assert.equal(d.setDefault(keyOf(ident, isStr, group), hashOf(h), k, isStr), returned, label);
            break;
          }
          case 'get': {
            const [ident, h, isStr, group, found] = extra;
            assert.equal(d.has(keyOf(ident, isStr, group), hashOf(h)), found, label);
            break;
          }
          case 'del': {
            const [ident, h, isStr, group, found] = extra;
            assert.equal(d.delete(keyOf(ident, isStr, group), hashOf(h)) !== undefined, found, label);
            break;
          }
          case 'popitem': {
            const popped = d.popitem();
            assert.equal(popped === undefined ? null : identOf(popped.key), extra, label);
            break;
          }
          case 'copy': d = d.copy(); break;
          case 'clear': d.clear(); break;
          case 'update': {
            const other = new DictTable<Key, number>(equals);
            for (const [ident, h, isStr, group] of extra) other.set(keyOf(ident, isStr, group), hashOf(h), 0, isStr);
            log = [];
            d.update(other, (key) => typeof key === 'string');
            break;
          }
        }
        assert.deepEqual(log, expectedLog, `${label}: __eq__ calls`);
        assert.deepEqual([...d.entries()].map(([key]) => identOf(key)), order, `${label}: order`);
        assert.equal(d.sizeof(), size, `${label}: sys.getsizeof`);
        steps++;
      }
    }
    assert.ok(steps > 2000);
  });
});

