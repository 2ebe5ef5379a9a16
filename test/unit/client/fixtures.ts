// Fixture answers of PyXray's custom requests (shapes from debug-adapter/src/protocol.ts), for
// the client's pure view code. Small by hand, and one generated heap of tens of thousands of
// blocks for the size checks.

import type { GcLogResponse, GilTimelineResponse, HeapMapResponse, HeapPool, ObjectSummary } from '../../../debug-adapter/src/protocol';

const object = (address: string, type: string, repr: string, refcount: number | null, size: number): ObjectSummary => ({
  address, type, repr, refcount, size, sizeClass: Math.ceil(size / 16) - 1, gcGeneration: type === 'list' ? 0 : 'untracked',
});

export const smallHeap: HeapMapResponse = {
  arenas: [{
    index: 0,
    address: '0x7f0000000000',
    freePools: 62,
    pools: [
      {
        address: '0x7f0000000000', sizeClass: 1, blockSize: 32, blocksUsed: 3, blocksFree: 2,
        blocks: [
          { address: '0x7f0000000030', state: 'used', object: object('0x7f0000000030', 'int', '1000', 2, 28) },
          { address: '0x7f0000000050', state: 'used', object: object('0x7f0000000050', 'float', '1.5', 1, 24), isNew: true },
          { address: '0x7f0000000070', state: 'free' },
          { address: '0x7f0000000090', state: 'used' },
          { address: '0x7f00000000b0', state: 'free' },
        ],
      },
      {
        address: '0x7f0000004000', sizeClass: 3, blockSize: 64, blocksUsed: 1, blocksFree: 1,
        blocks: [
          { address: '0x7f0000004030', state: 'used', object: object('0x7f0000004030', 'list', '[1, 2, 3]', 2, 56) },
          { address: '0x7f0000004070', state: 'free' },
        ],
      },
    ],
  }],
  largeObjects: [object('0x7f1000000000', 'str', "'xxxx…'", 1, 1049)],
  totals: { arenas: 1, pools: 2, blocksUsed: 4, blocksFree: 3, bytesInUse: 1049 + 3 * 32 + 64 },
  sinceLastStop: { allocated: ['0x7f0000004030'], freed: ['0x7f00000000b0'] },
  instruction: 42,
};

/** `arenas` arenas of 64 pools of 16-byte blocks (1021 each), every other block a used int. */
export function largeHeap(arenas: number): HeapMapResponse {
  const out: HeapMapResponse = {
    arenas: [], largeObjects: [], totals: { arenas, pools: arenas * 64, blocksUsed: 0, blocksFree: 0, bytesInUse: 0 },
    sinceLastStop: { allocated: [], freed: [] }, instruction: 1,
  };
  for (let a = 0; a < arenas; a++) {
    const pools: HeapPool[] = [];
    for (let p = 0; p < 64; p++) {
      const base = 0x7f0000000000 + a * 0x100000 + p * 0x4000;
      const blocks = Array.from({ length: 1021 }, (_, i) => {
        const address = `0x${(base + 48 + i * 16).toString(16)}`;
        return i % 2 === 0
          ? { address, state: 'used' as const, object: object(address, 'int', String(i), 1, 16) }
          : { address, state: 'free' as const };
      });
      pools.push({ address: `0x${base.toString(16)}`, sizeClass: 0, blockSize: 16, blocksUsed: 511, blocksFree: 510, blocks });
    }
    out.arenas.push({ index: a, address: `0x${(0x7f0000000000 + a * 0x100000).toString(16)}`, freePools: 0, pools });
  }
  return out;
}

export const gcFixture: GcLogResponse = {
  state: {
    enabled: true,
    generations: [
      { generation: 0, count: 350, threshold: 700, objects: 120, collections: 3, collected: 12, uncollectable: 0 },
      { generation: 1, count: 11, threshold: 10, objects: 40, collections: 1, collected: 2, uncollectable: 0 },
      { generation: 2, count: 0, threshold: 10, objects: 900, collections: 0, collected: 0, uncollectable: 0 },
    ],
    garbage: [],
  },
  events: [
    { index: 0, instruction: 1000, generation: 0, reason: 'automatic', examined: 701, collected: 0, uncollectable: 0 },
    { index: 1, instruction: 2000, generation: 2, reason: 'gc.collect', collected: 12, uncollectable: 0, freed: ['0x7f0000000030'] },
  ],
};

export const gilFixture: GilTimelineResponse = {
  now: 0.02,
  switchInterval: 0.005,
  holder: 2,
  waiters: [1],
  dropRequest: false,
  switches: 3,
  threads: [
    { id: 1, name: 'MainThread', ident: 140000, state: 'waiting for GIL' },
    { id: 2, name: 'Thread-1 (worker)', ident: 140001, state: 'running' },
  ],
  spans: [
    { threadId: 1, start: 0, end: 0.005 },
    { threadId: 2, start: 0.005, end: 0.01 },
    { threadId: 1, start: 0.01, end: 0.012 },
    { threadId: 2, start: 0.012, end: null },
  ],
  handovers: [
    { time: 0, from: null, to: 1, reason: 'start' },
    { time: 0.005, from: 1, to: 2, reason: 'interval' },
    { time: 0.01, from: 2, to: 1, reason: 'interval' },
    { time: 0.012, from: 1, to: 2, reason: 'blocking' },
  ],
};
