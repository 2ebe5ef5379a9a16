import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Obmalloc, ARENA_SIZE, POOL_SIZE, POOL_OVERHEAD, MAX_POOLS_IN_ARENA, DEFAULT_MMAP_TOP,
  index2size, numBlocks, sizeClassIndex, chunkSizeFor,
} from '../../../runtime/src/memory/obmalloc';

// Relationships CPython 3.11's id() shows for bytes objects of chosen request sizes
// (scripts/gen-obmalloc-facts.py); the model must show the same ones.
const facts = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'obmalloc-facts.json'), 'utf8'));

const poolOf = (a: number) => a - (a % POOL_SIZE);

/** Allocate `n` blocks of `nbytes`. */
function many(heap: Obmalloc, nbytes: number, n: number): number[] {
  return Array.from({ length: n }, () => heap.allocate(nbytes));
}

describe('obmalloc model: geometry', () => {
  it('size classes: (n - 1) >> 4 for 1..512, the system allocator for 0 and above 512', () => {
    const heap = new Obmalloc();
    for (let n = 1; n <= 512; n++) {
      const a = heap.allocate(n);
      assert.equal(heap.sizeClassOf(a), Math.floor((n - 1) / 16), `request ${n}`);
      assert.equal(heap.usableSize(a), 16 * (Math.floor((n - 1) / 16) + 1));
      assert.equal(a % 16, 0);
    }
    for (const n of [0, 513, 1000, 200000]) {
      const a = heap.allocate(n);
      assert.equal(heap.sizeClassOf(a), -1, `request ${n}`);
      assert.equal(heap.addressInRange(a), false);
      assert.equal(a % 16, 0);
    }
    heap.checkInvariants();
  });

  it('3.11 x86-64 constants: 1 MiB arenas, 16 KiB pools, 48-byte header, 32 classes', () => {
    assert.equal(ARENA_SIZE, 1 << 20);
    assert.equal(POOL_SIZE, 1 << 14);
    assert.equal(POOL_OVERHEAD, 48);
    assert.equal(MAX_POOLS_IN_ARENA, 64);
    assert.equal(sizeClassIndex(33), 2);
    assert.equal(sizeClassIndex(48), 2);
    assert.equal(sizeClassIndex(49), 3);
    assert.equal(numBlocks(31), 31);
    assert.equal(numBlocks(0), 1021);
  });

  it('the first arena comes from mmap below the top; an unaligned arena loses a pool', () => {
    const heap = new Obmalloc();
    const a = heap.allocate(10);
    const [arena] = heap.arenaViews();
    assert.equal(arena.address, DEFAULT_MMAP_TOP - ARENA_SIZE);
    assert.notEqual(arena.address % POOL_SIZE, 0);
    assert.equal(arena.ntotalpools, 63);
    assert.equal(arena.firstPool, arena.address - (arena.address % POOL_SIZE) + POOL_SIZE);
    assert.equal(a, arena.firstPool + 48, 'a fresh pool hands out its block at offset 48 first');
    const aligned = new Obmalloc({ mmapTop: 0x7f0000000000 });
    aligned.allocate(10);
    assert.equal(aligned.arenaViews()[0].ntotalpools, 64);
    assert.equal(aligned.arenaViews()[0].firstPool, 0x7f0000000000 - ARENA_SIZE);
  });

  it('blocks are carved lazily: a fresh pool has carved two blocks after one allocation', () => {
    const heap = new Obmalloc();
    heap.allocate(100);
    const pool = heap.arenaViews()[0].pools[0];
    assert.equal(pool.carved, 2);
    assert.equal(pool.used, 1);
    assert.deepEqual(pool.freeList, [pool.address + 48 + 112]);
    assert.equal(heap.arenaViews()[0].untouchedPools, 62);
  });
});

describe('obmalloc model: facts observed with id() in CPython 3.11', () => {
  for (const g of facts.geometries) {
    it(`${g.count} allocations of ${g.request} bytes: spacing ${g.modeDelta}`, () => {
      const heap = new Obmalloc();
      const ids = many(heap, g.request, g.count);
      const deltas = new Map<number, number>();
      for (let i = 1; i < ids.length; i++) deltas.set(ids[i] - ids[i - 1], (deltas.get(ids[i] - ids[i - 1]) ?? 0) + 1);
      const mode = [...deltas.entries()].sort((x, y) => y[1] - x[1])[0][0];
      assert.equal(mode, g.modeDelta, 'most common gap between consecutive ids');
      assert.equal(ids.every((i) => i % 16 === 0), g.align16);
      if (g.request > 512) {
        assert.equal(mode, chunkSizeFor(g.request));
        return;
      }
      const perPool = new Map<number, number>();
      for (const i of ids) perPool.set(poolOf(i), (perPool.get(poolOf(i)) ?? 0) + 1);
      assert.equal(Math.max(...perPool.values()), g.maxPerPool, 'most blocks in one pool');
      const offsets = [...new Set(ids.map((i) => i % POOL_SIZE))].sort((x, y) => x - y);
      assert.equal(offsets[0], g.minOffset);
      assert.equal(offsets[offsets.length - 1], g.maxOffset);
      let gcd = 0;
      const gcdOf = (x: number, y: number): number => (y === 0 ? x : gcdOf(y, x % y));
      for (const o of offsets) gcd = gcdOf(gcd, o - offsets[0]);
      assert.equal(gcd, g.offsetGcd);
      heap.checkInvariants();
    });
  }

  for (const s of facts.sharings) {
    it(`requests of ${s.a} and ${s.b} bytes ${s.shared ? 'share' : 'never share'} pools`, () => {
      const heap = new Obmalloc();
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < s.count; i++) {
        a.push(heap.allocate(s.a));
        b.push(heap.allocate(s.b));
      }
      const pa = new Set(a.map(poolOf));
      assert.equal(b.some((x) => pa.has(poolOf(x))), s.shared);
    });
  }

  it(`id() reuse in ${facts.scenarios.length} allocate/free scenarios`, () => {
    for (const [k, sc] of facts.scenarios.entries()) {
      const heap = new Obmalloc();
      // CPython's heap already holds live blocks of every class, so no pool empties during a
      // scenario (an emptied pool could be taken over by another class): anchor one per class.
      for (let cls = 0; cls < 32; cls++) heap.allocate(16 * (cls + 1));
      const live = new Map<string, number>();
      const ids = new Map<string, number>();
      for (const op of sc.ops) {
        if (op[0] === 'alloc') {
          const a = heap.allocate(op[2]);
          live.set(op[1], a);
          ids.set(op[1], a);
        } else {
          heap.free(live.get(op[1])!);
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
});

/** 512-byte blocks: 31 per pool, so pools fill and empty quickly. */
const BIG = 512;

describe('obmalloc model: pool lifecycle', () => {
  it('used -> full -> used -> empty, with the pool on the right list at each step', () => {
    const heap = new Obmalloc();
    const blocks = many(heap, BIG, 31);
    let [pool] = heap.arenaViews()[0].pools;
    assert.equal(pool.state, 'full');
    assert.deepEqual(heap.usedPoolOrder(31), [], 'a full pool is in no list');
    heap.free(blocks[7]);
    [pool] = heap.arenaViews()[0].pools;
    assert.equal(pool.state, 'used');
    assert.deepEqual(heap.usedPoolOrder(31), [pool.address]);
    assert.equal(heap.allocate(BIG), blocks[7], 'the freed block is handed out next');
    for (const b of blocks) heap.free(b);
    [pool] = heap.arenaViews()[0].pools;
    assert.equal(pool.state, 'empty');
    assert.deepEqual(heap.usedPoolOrder(31), []);
    assert.equal(heap.arenaViews()[0].nfreepools, 63);
    assert.equal(heap.counters().narenasCurrentlyAllocated, 1, 'the last usable arena is kept (bpo-37257)');
    heap.checkInvariants();
  });

  it('an empty pool is reused for its old class without re-carving, and re-initialised for another', () => {
    const heap = new Obmalloc();
    const blocks = many(heap, BIG, 5);
    for (const b of blocks) heap.free(b);
    assert.equal(heap.allocate(BIG), blocks[4], 'same class: the old free list, LIFO');
    heap.free(blocks[4]);
    const first = heap.allocate(16);
    assert.equal(first, poolOf(blocks[0]) + 48, 'another class: the pool starts over at offset 48');
    assert.equal(heap.sizeClassOf(first), 0);
    heap.checkInvariants();
  });

  it('LIFO: the most recently freed block of a pool is reused first', () => {
    const heap = new Obmalloc();
    const [a, b, c] = many(heap, 64, 3);
    heap.free(a);
    heap.free(c);
    heap.free(b);
    assert.deepEqual(many(heap, 64, 4), [b, c, a, c + 64]);
  });

  it('a pool that gets a free block after being full goes to the front of usedpools', () => {
    const heap = new Obmalloc();
    const blocks = many(heap, BIG, 31 * 3 + 1);
    const [p0, p1, p2, p3] = heap.arenaViews()[0].pools.map((p) => p.address);
    assert.deepEqual(heap.usedPoolOrder(31), [p3]);
    heap.free(blocks[40]);
    heap.free(blocks[3]);
    assert.deepEqual(heap.usedPoolOrder(31), [p0, p1, p3]);
    assert.equal(p2 > p1, true);
  });

  it('double free and foreign pointers are refused', () => {
    const heap = new Obmalloc();
    const a = heap.allocate(32);
    heap.free(a);
    assert.throws(() => heap.free(a));
    const b = heap.allocate(32);
    assert.throws(() => heap.free(b + 16));
    assert.throws(() => heap.free(0x123450));
  });
});

/** Allocate whole pools of 512-byte blocks; returns the blocks pool by pool. */
function pools(heap: Obmalloc, n: number): number[][] {
  return Array.from({ length: n }, () => many(heap, BIG, 31));
}

describe('obmalloc model: arenas', () => {
  it('usable_arenas is sorted by free pools, so the fullest arena serves the next pool', () => {
    const heap = new Obmalloc();
    const all = pools(heap, 63 * 2 + 1); // arenas 0 and 1 full, arena 2 has one pool
    const arenaOf = (p: number[]) => Math.floor((heap.arenaViews().findIndex((a) => a.address <= p[0] && p[0] < a.address + ARENA_SIZE)));
    assert.deepEqual(heap.usableArenaOrder(), [2]);
    for (const b of all[0]) heap.free(b); // arena 0: 1 free pool
    for (const b of all[1]) heap.free(b); // arena 0: 2 free pools
    for (const b of all[63]) heap.free(b); // arena 1: 1 free pool
    assert.deepEqual(heap.usableArenaOrder(), [1, 0, 2]);
    assert.deepEqual(heap.nfp2lastaIndices().slice(0, 3), [-1, 1, 0]);
    heap.checkInvariants();
    const next = heap.allocate(BIG);
    assert.equal(poolOf(next), poolOf(all[63][0]), 'the freed pool of arena 1 (fewest free pools) is reused');
    assert.equal(arenaOf([next]), 1);
    assert.deepEqual(heap.usableArenaOrder(), [0, 2]);
    heap.checkInvariants();
  });

  it('a wholly free arena is returned to the system unless it is the last usable one', () => {
    const heap = new Obmalloc();
    const all = pools(heap, 64); // arena 0 full (63 pools), arena 1 has one pool
    const [a0, a1] = heap.arenaViews().map((a) => a.address);
    for (const p of all.slice(0, 62)) for (const b of p) heap.free(b);
    // Arena 0 has drained to 62 free pools, like arena 1, and sits before it.
    assert.deepEqual(heap.usableArenaOrder(), [0, 1]);
    assert.deepEqual(heap.nfp2lastaIndices()[62], 1);
    for (const b of all[62]) heap.free(b);
    // Wholly free and not the last usable arena: munmapped, its slot first on unused_arena_objects.
    let c = heap.counters();
    assert.equal(c.narenasCurrentlyAllocated, 1);
    assert.equal(c.ntimesArenaAllocated, 2);
    assert.equal(c.narenasHighwater, 2);
    assert.deepEqual(heap.arenaViews().map((a) => a.address), [a1]);
    assert.deepEqual(heap.unusedArenaSlots().slice(0, 2), [0, 2]);
    assert.equal(heap.mmap.mappings().length, 1);
    heap.checkInvariants();
    // Arena 1 drains completely but is the last usable arena: kept (bpo-37257).
    for (const b of all[63]) heap.free(b);
    c = heap.counters();
    assert.equal(c.narenasCurrentlyAllocated, 1);
    assert.equal(heap.arenaViews()[0].nfreepools, 63);
    heap.checkInvariants();
    // Growing again fills arena 1, then reuses slot 0 and, mmap being top-down, the hole at a0.
    pools(heap, 64);
    assert.deepEqual(heap.arenaViews().map((a) => [a.index, a.address]), [[0, a0], [1, a1]]);
    assert.equal(heap.counters().ntimesArenaAllocated, 3);
    heap.checkInvariants();
  });

  it('the arenas array starts at 16 slots and doubles', () => {
    const heap = new Obmalloc();
    pools(heap, 63 * 16);
    assert.equal(heap.counters().maxarenas, 16);
    heap.allocate(BIG);
    assert.equal(heap.counters().maxarenas, 32);
    assert.equal(heap.counters().narenasCurrentlyAllocated, 17);
    const addresses = heap.arenaViews().map((a) => a.address);
    for (let i = 1; i < addresses.length; i++) assert.equal(addresses[i], addresses[i - 1] - ARENA_SIZE, 'top-down, adjacent');
  });
});

describe('obmalloc model: large requests and realloc', () => {
  it('requests above 512 bytes and of 0 bytes go to the system malloc', () => {
    const heap = new Obmalloc();
    const a = heap.allocate(513);
    const b = heap.allocate(513);
    assert.equal(b - a, 528);
    assert.equal(heap.arenaViews().length, 0, 'no arena for large requests');
    const z = heap.allocate(0);
    assert.equal(heap.sizeClassOf(z), -1);
    const huge = heap.allocate(1 << 20);
    assert.equal(heap.mmap.mappings().length, 1, 'a request over the mmap threshold gets its own mapping');
    heap.free(huge);
    assert.equal(heap.mmap.mappings().length, 0);
    heap.free(a);
    assert.equal(heap.allocate(513), a, 'recently freed chunks are reused LIFO (tcache)');
    heap.checkInvariants();
  });

  it('realloc keeps a block that shrinks by less than a quarter, moves otherwise', () => {
    const heap = new Obmalloc();
    const a = heap.allocate(512);
    assert.equal(heap.realloc(a, 400), a, '4*400 > 3*512');
    const b = heap.realloc(a, 384);
    assert.notEqual(b, a, '4*384 == 3*512: copied to a smaller class');
    assert.equal(heap.sizeClassOf(b), 23);
    const c = heap.realloc(b, 1000);
    assert.equal(heap.sizeClassOf(c), -1);
    const d = heap.realloc(c, 100);
    assert.equal(d, c, 'a large block stays with the system allocator');
    assert.equal(heap.realloc(0, 10) > 0, true);
    heap.checkInvariants();
  });
});

/** mulberry32: a small seeded PRNG. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('obmalloc model: randomized invariants', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: 20000 random allocate/free/realloc operations`, () => {
      const random = rng(seed);
      const heap = new Obmalloc();
      const live: { address: number; size: number; moved?: boolean }[] = [];
      const sizeOf = () => {
        const r = random();
        if (r < 0.02) return 0;
        if (r < 0.06) return 513 + Math.floor(random() * 4000);
        if (r < 0.07) return 100000 + Math.floor(random() * 300000);
        return 1 + Math.floor(random() * 512);
      };
      for (let step = 0; step < 20000; step++) {
        // Phases of growth and shrinkage, so pools and arenas are emptied and reused.
        const phase = Math.floor(step / 2500) % 2;
        const r = random();
        if (live.length > 0 && (r < (phase ? 0.62 : 0.38))) {
          const i = Math.floor(random() * live.length);
          heap.free(live[i].address);
          live[i] = live[live.length - 1];
          live.pop();
        } else if (live.length > 0 && r > 0.97) {
          const i = Math.floor(random() * live.length);
          const size = sizeOf();
          live[i] = { address: heap.realloc(live[i].address, size), size, moved: true };
        } else {
          const size = sizeOf();
          live.push({ address: heap.allocate(size), size });
        }
        if (step % 1000 === 999) {
          heap.checkInvariants();
          check(heap, live);
        }
      }
      for (const x of live) heap.free(x.address);
      heap.checkInvariants();
      assert.equal(heap.counters().smallBlocksInUse, 0);
      assert.equal(heap.counters().narenasCurrentlyAllocated <= 1, true, 'all arenas but the last usable one returned');
      assert.equal(heap.system.inUse, 0);
    });
  }
});

/** Every live block is where the model says, fits its request, and overlaps no other. */
function check(heap: Obmalloc, live: { address: number; size: number; moved?: boolean }[]): void {
  const spans = live.map((x) => {
    const cls = heap.sizeClassOf(x.address);
    // A realloc may keep a block in a bigger class, or a large block with the system allocator.
    if (x.moved) assert.ok(cls === -1 || index2size(cls) >= x.size);
    else if (x.size >= 1 && x.size <= 512) assert.equal(cls, sizeClassIndex(x.size));
    else assert.equal(cls, -1);
    const usable = heap.usableSize(x.address)!;
    assert.ok(usable >= Math.max(1, x.size));
    if (cls >= 0) assert.equal(usable, index2size(cls));
    return [x.address, x.address + Math.max(1, x.size)];
  });
  spans.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i][0] >= spans[i - 1][1], 'live blocks overlap');
  const inPools = new Set<number>();
  for (const a of heap.arenaViews()) for (const p of a.pools) for (const b of p.blocks) inPools.add(b);
  const smallLive = live.filter((x) => heap.sizeClassOf(x.address) >= 0).map((x) => x.address);
  assert.equal(inPools.size, smallLive.length);
  for (const a of smallLive) assert.ok(inPools.has(a), 'a live address in no pool');
}

describe('obmalloc model: the simulated system underneath', () => {
  it(`glibc's mmap threshold as CPython 3.11 shows it (${facts.regionScenarios.length} scenario)`, () => {
    for (const sc of facts.regionScenarios) {
      const heap = new Obmalloc();
      const live = new Map<string, number>();
      const got: [string, string, number][] = [];
      for (const op of sc.ops) {
        if (op[0] === 'alloc') {
          const a = heap.allocate(op[2]);
          live.set(op[1], a);
          got.push([op[1], a >= 0x7e0000000000 ? 'mmap' : 'brk', a % 4096]);
        } else {
          heap.free(live.get(op[1])!);
        }
      }
      // Page offsets inside the brk heap depend on CPython's own heap: compare them for mappings only.
      const norm = (r: [string, string, number][]) => r.map(([n, region, off]) => [n, region, region === 'mmap' ? off : -1]);
      assert.deepEqual(norm(got), norm(sc.regions));
    }
  });

  it('mmap is top-down, page granular, and reuses the highest hole that fits', () => {
    const heap = new Obmalloc({ mmapTop: 0x7f0000100000 });
    const m = heap.mmap;
    const a = m.mmap(ARENA_SIZE);
    const b = m.mmap(5000);
    const c = m.mmap(ARENA_SIZE);
    assert.deepEqual([a, b, c], [0x7f0000000000, 0x7f0000000000 - 8192, 0x7f0000000000 - 8192 - ARENA_SIZE]);
    m.munmap(a, ARENA_SIZE);
    assert.equal(m.mmap(4096), a + ARENA_SIZE - 4096, 'the highest gap wins');
    assert.equal(m.mmap(ARENA_SIZE), c - ARENA_SIZE, 'the rest of the hole is too small');
    assert.throws(() => m.munmap(a, ARENA_SIZE));
  });

  it('malloc: 16-byte headers, tcache of 7 per size, coalescing into the top', () => {
    const heap = new Obmalloc({ heapBase: 0x555555550000 });
    const s = heap.system;
    const blocks = Array.from({ length: 9 }, () => s.malloc(600));
    assert.equal(blocks[0], 0x555555550000 + 16);
    assert.equal(blocks[1] - blocks[0], chunkSizeFor(600));
    for (const b of blocks) s.free(b);
    // The last two frees overflowed the tcache and went back to the top chunk.
    assert.equal(s.malloc(600), blocks[6]);
    assert.equal(s.malloc(5000), blocks[7], 'the top chunk starts where the eighth block was');
    assert.equal(s.inUse, chunkSizeFor(600) + chunkSizeFor(5000));
  });
});

describe('obmalloc model: real objects (request = sys.getsizeof, id past the pre-header)', () => {
  for (const o of facts.objects) {
    it(`${o.name}: ${o.getsizeof} bytes, id() = block + ${o.preheader}`, () => {
      const heap = new Obmalloc();
      const ids = many(heap, o.getsizeof, 3000).map((b) => b + o.preheader);
      const deltas = new Map<number, number>();
      for (let i = 1; i < ids.length; i++) deltas.set(ids[i] - ids[i - 1], (deltas.get(ids[i] - ids[i - 1]) ?? 0) + 1);
      assert.equal([...deltas.entries()].sort((x, y) => y[1] - x[1])[0][0], o.modeDelta);
      assert.equal(Math.min(...ids.map((i) => i % POOL_SIZE)), o.minOffset);
      const perPool = new Map<number, number>();
      for (const i of ids) perPool.set(poolOf(i), (perPool.get(poolOf(i)) ?? 0) + 1);
      // CPython interleaves a few other blocks (the list growing), so it may show fewer per pool.
      assert.ok(Math.max(...perPool.values()) >= o.maxPerPool);
      assert.equal(Math.max(...perPool.values()), numBlocks(sizeClassIndex(o.getsizeof)));
    });
  }
});

describe('obmalloc model: locate', () => {
  it('names the block, pool and arena of an address, and its state', () => {
    const heap = new Obmalloc();
    const [a, b] = many(heap, 100, 2);
    heap.free(b);
    const la = heap.locate(a + 40);
    assert.equal(la.where, 'pool');
    if (la.where !== 'pool') return;
    assert.deepEqual([la.block, la.blockIndex, la.offsetInBlock, la.state, la.szidx, la.blockSize], [a, 0, 40, 'allocated', 6, 112]);
    const lb = heap.locate(b);
    assert.equal(lb.where === 'pool' && lb.state, 'free');
    assert.equal((heap.locate(b + 112) as { state: string }).state, 'free', 'carved ahead by the lazy extension');
    const lc = heap.locate(b + 224);
    assert.equal(lc.where === 'pool' && lc.state, 'untouched');
    const lh = heap.locate(poolOf(a) + 8);
    assert.equal(lh.where === 'pool' && lh.state, 'header');
    const arena = heap.arenaViews()[0];
    assert.deepEqual(heap.locate(arena.address), { where: 'arena', arenaIndex: 0, arenaAddress: arena.address, state: 'alignment' });
    assert.equal(heap.locate(arena.firstPool + POOL_SIZE).where, 'arena');
    const big = heap.allocate(1000);
    assert.deepEqual(heap.locate(big + 999), { where: 'system', block: big, request: 1000 });
    assert.deepEqual(heap.locate(0x1000), { where: 'nowhere' });
  });
});
