import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Obmalloc, FreeLists, debugMallocStats, debugMallocStatsReport, mallocStats, printone, ARENA_SIZE } from '../../../runtime/src/memory/obmalloc';

// A real sys._debugmallocstats() report from CPython 3.11 (scripts/gen-obmalloc-facts.py): its
// numbers describe CPython's own busy heap, so the model's report is compared line shape by line
// shape, and its numbers with the model's state.
const real = readFileSync(join(__dirname, 'fixtures', 'debugmallocstats-cpython.txt'), 'utf8');
const realPymalloc = real.slice(0, real.indexOf('\n\n', real.indexOf('arena map root')) + 1);

/** A line with its numbers replaced, so two reports of different heaps can be compared. */
const shape = (line: string) => line.replace(/\d[\d,]*/g, '#');

function busyHeap(): Obmalloc {
  const heap = new Obmalloc();
  const keep: number[] = [];
  for (let i = 0; i < 40000; i++) {
    const a = heap.allocate(1 + ((i * 7919) % 512));
    if (i % 3 === 0) heap.free(a);
    else keep.push(a);
  }
  for (let i = 0; i < keep.length; i += 2) heap.free(keep[i]);
  for (let i = 0; i < 5; i++) heap.allocate(1000);
  return heap;
}

describe('sys._debugmallocstats() report of the model', () => {
  it('has CPython 3.11 layout, line by line', () => {
    const ours = debugMallocStats(busyHeap());
    const a = ours.split('\n');
    const b = realPymalloc.split('\n');
    // The class table lists only classes with pools; the busy heap has all 32, like CPython's.
    assert.equal(a.length, b.length, ours);
    for (let i = 0; i < a.length; i++) {
      assert.equal(shape(a[i]).replace(/ +/g, ' '), shape(b[i]).replace(/ +/g, ' '), `line ${i + 1}: ${a[i]} / ${b[i]}`);
      assert.equal(a[i].length, b[i].length, `width of line ${i + 1}: ${JSON.stringify(a[i])} / ${JSON.stringify(b[i])}`);
    }
  });

  it('the whole report (allocator, then free lists) has the shape of the real one', () => {
    const lists = new FreeLists();
    lists.release({ kind: 'float' }, 0x1000);
    const a = debugMallocStatsReport(busyHeap(), lists).split('\n');
    const b = real.split('\n');
    assert.deepEqual(a.map((l) => shape(l).replace(/ +/g, ' ')), b.map((l) => shape(l).replace(/ +/g, ' ')));
  });

  it('printone: label to column 35, value in 21 columns with commas', () => {
    assert.equal(printone('# arenas allocated total', 4), '# arenas allocated total           =                    4\n');
    assert.equal(printone('Total', 4194304), 'Total                              =            4,194,304\n');
    assert.ok(real.includes('# arenas allocated total           ='));
  });

  it('the accounting closes and agrees with the arena views', () => {
    const heap = busyHeap();
    const s = mallocStats(heap);
    const total = s.allocatedBytes + s.availableBytes + s.unusedPools * 16384 + s.poolHeaderBytes + s.quantization + s.arenaAlignment;
    assert.equal(total, s.narenas * ARENA_SIZE);
    const views = heap.arenaViews();
    assert.equal(s.narenas, views.length);
    let used = 0;
    for (const v of views) for (const p of v.pools) used += p.used * p.blockSize;
    assert.equal(s.allocatedBytes, used);
    assert.equal(s.arenaAlignment, views.filter((v) => v.ntotalpools === 63).length * 16384);
    const text = debugMallocStats(heap);
    assert.ok(text.includes(`${s.narenas} arenas * 1048576 bytes/arena`));
    assert.match(text, /# arena map mid nodes {14}= {20}1\n# arena map bot nodes {14}= {20}1\n/);
  });

  it('a fresh allocator: one pool of one class', () => {
    const heap = new Obmalloc();
    heap.allocate(24);
    heap.allocate(24);
    const lines = debugMallocStats(heap).split('\n');
    assert.equal(lines[4], '    1     32           1               2           508');
    assert.ok(lines.includes('62 unused pools * 16384 bytes      =            1,015,808'));
    assert.ok(lines.includes('# bytes lost to arena alignment    =               16,384'));
  });
});
