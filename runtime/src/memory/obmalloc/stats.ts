// sys._debugmallocstats() for the model: the small-object allocator's part of the report
// (_PyObject_DebugMallocStats in 3.11's Objects/obmalloc.c), in CPython's exact layout.
//
// Invariants:
//  - The numbers come only from the allocator's state, walked the way CPython walks it: every
//    arena slot with memory, every carved pool with a non-zero count. So the report can never
//    disagree with the map view.
//  - The accounting closes: allocated + available + unused pools + pool headers + quantization
//    + arena alignment = arenas * ARENA_SIZE (the "Total" line equals the arenas line).
//  - printone's layout: the label padded to 35 columns, '=', and the value right aligned in 21
//    columns with thousands separators.

import { ARENA_SIZE, NB_SMALL_SIZE_CLASSES, POOL_OVERHEAD, POOL_SIZE, SMALL_REQUEST_THRESHOLD, index2size, numBlocks } from './geometry';
import type { Obmalloc } from './obmalloc';
import type { FreeLists } from './freelists';

/** The numbers behind the report. */
export interface MallocStats {
  perClass: { szidx: number; size: number; pools: number; blocksInUse: number; availBlocks: number }[];
  ntimesArenaAllocated: number;
  narenas: number;
  narenasHighwater: number;
  allocatedBytes: number;
  availableBytes: number;
  unusedPools: number;
  poolHeaderBytes: number;
  quantization: number;
  arenaAlignment: number;
  arenaMapMidCount: number;
  arenaMapBotCount: number;
}

/** Size in bytes of the radix tree's root, a mid node and a bottom node (3.11, 64-bit). */
export const ARENA_MAP_ROOT_BYTES = 8 * 2 ** 15;
export const ARENA_MAP_MID_BYTES = 8 * 2 ** 15;
export const ARENA_MAP_BOT_BYTES = 8 * 2 ** 14;

export function mallocStats(heap: Obmalloc): MallocStats {
  const pools = new Array(NB_SMALL_SIZE_CLASSES).fill(0);
  const blocks = new Array(NB_SMALL_SIZE_CLASSES).fill(0);
  const freeBlocks = new Array(NB_SMALL_SIZE_CLASSES).fill(0);
  let unusedPools = 0;
  let arenaAlignment = 0;
  let narenas = 0;
  for (const ao of heap.arenas) {
    if (ao.address === 0) continue;
    narenas++;
    unusedPools += ao.nfreepools;
    if (ao.address % POOL_SIZE !== 0) arenaAlignment += POOL_SIZE;
    for (const pool of ao.pools) {
      if (pool.count === 0) continue;
      pools[pool.szidx]++;
      blocks[pool.szidx] += pool.count;
      freeBlocks[pool.szidx] += numBlocks(pool.szidx) - pool.count;
    }
  }
  const perClass: MallocStats['perClass'] = [];
  let allocatedBytes = 0;
  let availableBytes = 0;
  let poolHeaderBytes = 0;
  let quantization = 0;
  for (let i = 0; i < NB_SMALL_SIZE_CLASSES; i++) {
    if (pools[i] === 0) continue;
    const size = index2size(i);
    perClass.push({ szidx: i, size, pools: pools[i], blocksInUse: blocks[i], availBlocks: freeBlocks[i] });
    allocatedBytes += blocks[i] * size;
    availableBytes += freeBlocks[i] * size;
    poolHeaderBytes += pools[i] * POOL_OVERHEAD;
    quantization += pools[i] * ((POOL_SIZE - POOL_OVERHEAD) % size);
  }
  const c = heap.counters();
  return {
    perClass, ntimesArenaAllocated: c.ntimesArenaAllocated, narenas, narenasHighwater: c.narenasHighwater,
    allocatedBytes, availableBytes, unusedPools, poolHeaderBytes, quantization, arenaAlignment,
    arenaMapMidCount: c.arenaMapMidCount, arenaMapBotCount: c.arenaMapBotCount,
  };
}

/** `value` with a comma every three digits, as printone writes it. */
export function withCommas(value: number): string {
  return Math.trunc(value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** One `label = value` line of the report (printone), newline included. */
export function printone(label: string, value: number): string {
  return label.padEnd(35, ' ') + '=' + withCommas(value).padStart(21, ' ') + '\n';
}

/** One free-list line (_PyDebugAllocatorStats): "%d %ss * %d bytes each" right aligned in 48. */
export function allocatorStatsLine(blockName: string, numBlocks: number, sizeofBlock: number): string {
  return printone(`${numBlocks} ${blockName}s * ${sizeofBlock} bytes each`.padStart(48, ' ') + ' ', numBlocks * sizeofBlock);
}

const pad = (n: number, width: number) => String(n).padStart(width, ' ');

/** The small-object allocator's part of sys._debugmallocstats(), as CPython 3.11 prints it. */
export function debugMallocStats(heap: Obmalloc): string {
  const s = mallocStats(heap);
  let out = `Small block threshold = ${SMALL_REQUEST_THRESHOLD}, in ${NB_SMALL_SIZE_CLASSES} size classes.\n`;
  out += '\nclass   size   num pools   blocks in use  avail blocks\n-----   ----   ---------   -------------  ------------\n';
  for (const k of s.perClass) out += `${pad(k.szidx, 5)} ${pad(k.size, 6)} ${pad(k.pools, 11)} ${pad(k.blocksInUse, 15)} ${pad(k.availBlocks, 13)}\n`;
  out += '\n';
  out += printone('# arenas allocated total', s.ntimesArenaAllocated);
  out += printone('# arenas reclaimed', s.ntimesArenaAllocated - s.narenas);
  out += printone('# arenas highwater mark', s.narenasHighwater);
  out += printone('# arenas allocated current', s.narenas);
  out += printone(`${s.narenas} arenas * ${ARENA_SIZE} bytes/arena`, s.narenas * ARENA_SIZE);
  out += '\n';
  let total = 0;
  const add = (label: string, value: number) => {
    total += value;
    out += printone(label, value);
  };
  add('# bytes in allocated blocks', s.allocatedBytes);
  add('# bytes in available blocks', s.availableBytes);
  add(`${s.unusedPools} unused pools * ${POOL_SIZE} bytes`, s.unusedPools * POOL_SIZE);
  add('# bytes lost to pool headers', s.poolHeaderBytes);
  add('# bytes lost to quantization', s.quantization);
  add('# bytes lost to arena alignment', s.arenaAlignment);
  out += printone('Total', total);
  out += '\narena map counts\n';
  out += printone('# arena map mid nodes', s.arenaMapMidCount);
  out += printone('# arena map bot nodes', s.arenaMapBotCount);
  out += '\n';
  const mid = ARENA_MAP_MID_BYTES * s.arenaMapMidCount;
  const bot = ARENA_MAP_BOT_BYTES * s.arenaMapBotCount;
  out += printone('# bytes lost to arena map root', ARENA_MAP_ROOT_BYTES);
  out += printone('# bytes lost to arena map mid', mid);
  out += printone('# bytes lost to arena map bot', bot);
  out += printone('Total', ARENA_MAP_ROOT_BYTES + mid + bot);
  return out;
}

/** The whole of sys._debugmallocstats(): the allocator's part, a blank line, the free lists. */
export function debugMallocStatsReport(heap: Obmalloc, lists: FreeLists): string {
  return debugMallocStats(heap) + '\n' + lists.debugTypeStats();
}
