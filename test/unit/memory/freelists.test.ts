import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FreeLists, Obmalloc, type FreeListKey } from '../../../runtime/src/memory/obmalloc';

// id() equalities CPython 3.11 shows when floats, tuples, lists and dicts are created and freed
// with every free list drained first (scripts/gen-obmalloc-facts.py).
const facts = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'obmalloc-facts.json'), 'utf8'));

/** The free-list key and PyObject_Malloc request (GC header included) of a scenario kind. */
function kindOf(kind: string): { key: FreeListKey | null; request: number } {
  if (kind === 'float') return { key: { kind: 'float' }, request: 24 };
  if (kind === 'int') return { key: null, request: 28 };
  if (kind === 'list') return { key: { kind: 'list' }, request: 16 + 40 };
  if (kind === 'dict') return { key: { kind: 'dict' }, request: 16 + 48 };
  const n = Number(kind.slice(5));
  return { key: { kind: 'tuple', length: n }, request: 16 + 24 + 8 * n };
}

describe('free lists in front of pymalloc (CPython 3.11)', () => {
  it(`id() reuse with free lists: ${facts.freeListScenarios.length} scenarios`, () => {
    for (const [k, sc] of facts.freeListScenarios.entries()) {
      const heap = new Obmalloc();
      const lists = new FreeLists();
      for (let cls = 0; cls < 32; cls++) heap.allocate(16 * (cls + 1)); // CPython's busy heap
      const live = new Map<string, [number, string]>();
      const ids = new Map<string, number>();
      for (const op of sc.ops) {
        if (op[0] === 'alloc') {
          const { key, request } = kindOf(op[2]);
          const a = (key && lists.take(key)) ?? heap.allocate(request);
          live.set(op[1], [a, op[2]]);
          ids.set(op[1], a);
        } else {
          const [a, kind] = live.get(op[1])!;
          const { key } = kindOf(kind);
          if (key === null || !lists.release(key, a)) heap.free(a);
          live.delete(op[1]);
        }
      }
      const same: [string, string][] = [];
      for (const [x, ix] of ids) for (const [y, iy] of ids) if (x < y && ix === iy) same.push([x, y]);
      same.sort((p, q) => (p[0] + ' ' + p[1] < q[0] + ' ' + q[1] ? -1 : 1));
      assert.deepEqual(same, sc.sameId, `scenario ${k}`);
      heap.checkInvariants();
    }
  });

  it('caps: 100 floats, 80 lists, 80 dicts, 80 min-size str-keyed key tables, 2000 tuples per length 1..20', () => {
    const lists = new FreeLists();
    const fill = (key: FreeListKey, n: number) => {
      let kept = 0;
      for (let i = 0; i < n; i++) if (lists.release(key, 0x1000 + 16 * i)) kept++;
      return kept;
    };
    assert.equal(fill({ kind: 'float' }, 150), 100);
    assert.equal(fill({ kind: 'list' }, 100), 80);
    assert.equal(fill({ kind: 'dict' }, 100), 80);
    assert.equal(fill({ kind: 'dictkeys', log2Size: 3, unicode: true }, 100), 80);
    assert.equal(fill({ kind: 'dictkeys', log2Size: 4, unicode: true }, 10), 0);
    assert.equal(fill({ kind: 'dictkeys', log2Size: 3, unicode: false }, 10), 0);
    assert.equal(fill({ kind: 'tuple', length: 20 }, 2500), 2000);
    assert.equal(fill({ kind: 'tuple', length: 21 }, 10), 0);
    assert.equal(fill({ kind: 'tuple', length: 0 }, 10), 0, 'the empty tuple is a static singleton');
    assert.equal(fill({ kind: 'float', exact: false }, 10), 0, 'subclass instances skip the free list');
    assert.equal(lists.count({ kind: 'tuple', length: 20 }), 2000);
    assert.equal(lists.wouldKeep({ kind: 'float' }), false);
  });

  it('each list is LIFO and separate per kind and tuple length', () => {
    const lists = new FreeLists();
    lists.release({ kind: 'tuple', length: 2 }, 0x100);
    lists.release({ kind: 'tuple', length: 2 }, 0x200);
    lists.release({ kind: 'tuple', length: 3 }, 0x300);
    assert.deepEqual(lists.contents({ kind: 'tuple', length: 2 }), [0x200, 0x100]);
    assert.equal(lists.take({ kind: 'tuple', length: 4 }), null);
    assert.equal(lists.take({ kind: 'tuple', length: 2 }), 0x200);
    assert.equal(lists.take({ kind: 'tuple', length: 2 }), 0x100);
    assert.equal(lists.take({ kind: 'tuple', length: 2 }), null);
    assert.equal(lists.take({ kind: 'float' }), null);
    assert.deepEqual(lists.clear(), [0x300]);
  });

  it('debugTypeStats prints the free-list lines of sys._debugmallocstats', () => {
    const lists = new FreeLists();
    for (let i = 0; i < 8; i++) lists.release({ kind: 'dict' }, 0x1000 + i);
    for (let i = 0; i < 40; i++) lists.release({ kind: 'list' }, 0x1000 + i);
    const lines = lists.debugTypeStats().split('\n');
    assert.equal(lines[0], '            8 free PyDictObjects * 48 bytes each =                  384');
    assert.equal(lines[1], '           0 free PyFloatObjects * 24 bytes each =                    0');
    assert.equal(lines[2], '           40 free PyListObjects * 40 bytes each =                1,600');
    assert.equal(lines[3], '   0 free 1-sized PyTupleObjects * 32 bytes each =                    0');
    assert.equal(lines[22], ' 0 free 20-sized PyTupleObjects * 184 bytes each =                    0');
    // Every line has the shape of the lines in a real CPython 3.11 report.
    const real = readFileSync(join(__dirname, 'fixtures', 'debugmallocstats-cpython.txt'), 'utf8').split('\n').filter((l) => / free .*Objects \* /.test(l));
    const shape = (l: string) => l.replace(/\d[\d,]*/g, '#').replace(/ +/g, ' ').trim();
    assert.deepEqual(lines.slice(0, 23).map(shape), real.map(shape));
    for (const l of lines.slice(0, 23)) assert.equal(l.indexOf('='), 49);
  });
});
