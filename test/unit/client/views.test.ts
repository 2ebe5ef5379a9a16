// The client's view code on fixture answers of the custom requests: the memory map's compact
// form and geometry (hit tests, keyboard moves, a heap of tens of thousands of blocks), the GC
// tree's labels, the GIL timeline's bars, the refcount notes of inline values, and finding the
// stopped instruction in a bytecode listing. No VS Code needed: these modules are pure.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { blockAt, compactHeap, watchNameOf } from '../../../client/src/views/heapEncoding';
import { gcCountsText, gcTree, meter } from '../../../client/src/views/gcTree';
import { isQuiet, parseInstruction, parseRefcount, refcountNote } from '../../../client/src/frameFacts';
import { instructionLine } from '../../../client/src/listingLines';
import { BLOCK_FREE, MARK_FREED, MARK_NEW } from '../../../client/webview/messages';
import {
  blockCellInPool, blockCellInTile, blockCount, flatPoolIndex, heapLayout, hitHeap, hitPool, moveInGrid, poolAtFlatIndex, poolLayout, squareColumns, typeCounts, visibleTiles,
} from '../../../client/webview/memoryMap/layout';
import { axisTicks, formatSeconds, reasonText, timelineLayout, LABEL_WIDTH } from '../../../client/webview/gilTimeline/layout';
import { gcFixture, gilFixture, largeHeap, smallHeap } from './fixtures';

describe('client views: memory map', () => {
  it('encodes blocks as type indices with new and freed marks', () => {
    const heap = compactHeap(smallHeap);
    assert.deepEqual(heap.types, ['int', 'float', '(buffer)', 'list']);
    const [first, second] = heap.arenas[0].pools;
    assert.deepEqual(first.blocks, [1, 2, BLOCK_FREE, 3, BLOCK_FREE]);
    assert.deepEqual(first.marks, [0, MARK_NEW, 0, 0, MARK_FREED]);
    // The list is new through sinceLastStop.allocated, not a flag on the block.
    assert.deepEqual(second.marks, [MARK_NEW, 0]);
    assert.equal(heap.allocatedSinceLastStop, 1);
    assert.equal(heap.freedSinceLastStop, 1);
    assert.deepEqual(heap.largeObjects, [{ address: '0x7f1000000000', type: 'str', size: 1049 }]);
    assert.deepEqual(typeCounts(heap), [1, 1, 1, 1]);
    assert.equal(blockAt(smallHeap, { arena: 0, pool: 1, block: 0 })?.object?.repr, '[1, 2, 3]');
    assert.equal(blockAt(smallHeap, { arena: 0, pool: 9, block: 0 }), undefined);
  });

  it('lays pools out as tiles and finds the block under a point', () => {
    const heap = compactHeap(smallHeap);
    const layout = heapLayout(heap, 300, 56);
    assert.equal(layout.tiles.length, 2);
    assert.equal(layout.tilesPerRow, 4);
    const [tile] = layout.tiles;
    assert.equal(tile.columns, squareColumns(5));
    assert.equal(tile.columns, 3);
    const cell = blockCellInTile(tile, 4);
    assert.deepEqual(hitHeap(heap, layout, cell.x + 1, cell.y + 1), { arena: 0, pool: 0, block: 4 });
    // Inside the tile but past its last block: the pool only.
    const past = blockCellInTile(tile, 8);
    assert.deepEqual(hitHeap(heap, layout, past.x + 1, past.y + 1), { arena: 0, pool: 0 });
    assert.equal(hitHeap(heap, layout, 299, layout.height - 1), undefined);
    const pool = heap.arenas[0].pools[0];
    const geometry = poolLayout(pool, 200);
    const third = blockCellInPool(geometry, 2);
    assert.equal(hitPool(pool, geometry, third.x + 3, third.y + 3), 2);
    assert.equal(hitPool(pool, geometry, 0, 0), undefined);
  });

  it('moves the keyboard focus within the grid and across arenas', () => {
    assert.equal(moveInGrid(0, 10, 4, 'right'), 1);
    assert.equal(moveInGrid(1, 10, 4, 'down'), 5);
    assert.equal(moveInGrid(8, 10, 4, 'down'), 8);
    assert.equal(moveInGrid(1, 10, 4, 'up'), 1);
    assert.equal(moveInGrid(0, 10, 4, 'left'), 0);
    assert.equal(moveInGrid(3, 10, 4, 'end'), 9);
    assert.equal(moveInGrid(3, 10, 4, 'home'), 0);
    const heap = compactHeap(largeHeap(2));
    assert.equal(flatPoolIndex(heap, 1, 3), 67);
    assert.deepEqual(poolAtFlatIndex(heap, 67), { arena: 1, pool: 3 });
    assert.equal(poolAtFlatIndex(heap, 128), undefined);
  });

  it('keeps a heap of 130,000 blocks compact and draws only the visible tiles', () => {
    const response = largeHeap(2);
    const started = performance.now();
    const heap = compactHeap(response);
    const layout = heapLayout(heap, 800, 56);
    const visible = visibleTiles(layout, 0, 600);
    const elapsed = performance.now() - started;
    const blocks = heap.arenas.flatMap((arena) => arena.pools).reduce((sum, pool) => sum + blockCount(pool), 0);
    assert.equal(blocks, 2 * 64 * 1021);
    // What the webview receives is a few bytes per block, not the adapter's object summaries.
    const compactBytes = JSON.stringify(heap).length;
    const responseBytes = JSON.stringify(response).length;
    assert.ok(compactBytes < responseBytes / 10, `${compactBytes} vs ${responseBytes}`);
    assert.ok(compactBytes / blocks < 6, `${(compactBytes / blocks).toFixed(1)} bytes per block`);
    assert.ok(visible.length > 0 && visible.length < 140, `${visible.length} tiles visible`);
    for (const tile of visible) assert.ok(tile.y < 600 && tile.y + tile.size > 0);
    assert.ok(elapsed < 1500, `${elapsed.toFixed(0)} ms`);
    // Every block of a 1021-block pool fits its 56-pixel tile.
    const [tile] = layout.tiles;
    assert.ok(tile.columns * tile.cell <= tile.size - 4 + 1e-9);
    assert.ok(tile.cell > 1.5, `${tile.cell} px per block`);
  });

  it('takes the name to watch from the frame roots of objectGraph', () => {
    assert.equal(watchNameOf(['outer_function.<locals>.inner_function: outer_variable']), 'outer_variable');
    assert.equal(watchNameOf(['frame f line 3: local x']), 'x');
    assert.equal(watchNameOf(['f: value stack [0]', 'f: globals', '<module>: namespace']), undefined);
    // Held by the module's globals dict only: the dict entry names it.
    assert.equal(watchNameOf([], ["['counter']"]), 'counter');
    assert.equal(watchNameOf(['f: value stack [1]'], ['[0]']), undefined);
  });
});

describe('client views: GC', () => {
  it('shows each generation against its threshold, gc.garbage and the latest collections first', () => {
    const tree = gcTree(gcFixture);
    assert.deepEqual(tree.map((node) => node.label), [
      'Generation 0: 350 / 700', 'Generation 1: 11 / 10', 'Generation 2: 0 / 10', 'gc.garbage: 0', 'Last collections (2 in all)',
    ]);
    assert.equal(tree[0].description, '█████░░░░░ 120 objects');
    // Over its threshold: the next allocation check collects it.
    assert.equal(tree[1].icon, 'warning');
    const events = tree[4].children!;
    assert.deepEqual(events.map((event) => event.label), ['#1 gen 2 · gc.collect()', '#0 gen 0 · automatic']);
    assert.equal(events[0].description, 'collected 12 · uncollectable 0 · at instruction 2000');
    assert.deepEqual(events[0].children?.map((child) => child.label), ['freed 0x7f0000000030']);
    assert.equal(gcCountsText(gcFixture), 'GC 350 · 11 · 0');
    assert.equal(meter(0, 10, 4), '░░░░');
    assert.equal(meter(50, 10, 4), '████');
  });
});

describe('client views: GIL timeline', () => {
  it('draws one row per thread and a bar per span, the open span up to now', () => {
    const layout = timelineLayout(gilFixture, 550);
    assert.deepEqual(layout.rows.map((row) => row.name), ['MainThread', 'Thread-1 (worker)']);
    assert.equal(layout.bars.length, 4);
    assert.equal(layout.bars[0].x, LABEL_WIDTH);
    const last = layout.bars[3];
    assert.equal(last.open, true);
    assert.equal(last.end, 0.02);
    assert.ok(Math.abs(last.x + last.width - (550 - 8)) < 1e-9);
    assert.deepEqual(layout.ticks.map((tick) => tick.reason), ['start', 'interval', 'interval', 'blocking']);
    assert.deepEqual(axisTicks(0, 0.02), [0, 0.005, 0.01, 0.015, 0.02]);
    assert.equal(formatSeconds(0.005), '5 ms');
    assert.equal(formatSeconds(2.5), '2.5 s');
    assert.equal(reasonText('interval'), 'switch interval expired (drop request)');
  });
});

describe('client: inline values and the current instruction', () => {
  it('writes refcounts as the inline values show them', () => {
    assert.equal(parseRefcount('2'), 2);
    assert.equal(parseRefcount('static (never freed)'), null);
    assert.equal(parseRefcount(undefined), undefined);
    assert.equal(refcountNote({ name: 'b', value: '[1, 2]', inCell: false, refcount: 2 }), ' ⟨refcount 2⟩');
    assert.equal(refcountNote({ name: 'count', value: '1000', inCell: true, cellRefcount: 2, refcount: 1 }), ' ⟨cell refcount 2 · refcount 1⟩');
    assert.equal(refcountNote({ name: 'n', value: '1', inCell: false, refcount: null }), ' ⟨static⟩');
    assert.equal(isQuiet({ name: 'f', value: '<function f>', type: 'function', inCell: false }), true);
    assert.deepEqual(parseInstruction('12 LOAD_DEREF 0 (x)'), { offset: 12, text: 'LOAD_DEREF 0 (x)' });
  });

  it('finds the stopped instruction in its code object\'s section of a real listing', () => {
    const listing = readFileSync(path.resolve(__dirname, '../../golden/expected/dis/corpus/seeds/s000_62_closure_no_global.txt'), 'utf8').split('\n');
    const line = instructionLine(listing, { qualname: 'outer_function', firstLine: 4, offset: 6 });
    assert.ok(line !== undefined);
    assert.match(listing[line], /^\s+6 STORE_DEREF 1 \(outer_variable\)$/);
    // Offset 6 of the module is another line; a code object the listing lacks gives nothing.
    const inModule = instructionLine(listing, { qualname: '<module>', firstLine: 1, offset: 6 });
    assert.match(listing[inModule!], /STORE_NAME 0 \(outer_function\)/);
    assert.equal(instructionLine(listing, { qualname: 'nowhere', firstLine: 1, offset: 0 }), undefined);
    // A line with a line number and a jump target.
    assert.equal(instructionLine(['code f line 1', '    18 >>  120 LOAD_CONST 1 (None)'], { qualname: 'f', firstLine: 1, offset: 120 }), 1);
  });
});
