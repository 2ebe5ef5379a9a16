// A model of CPython 3.11's small-object allocator (Objects/obmalloc.c), as an x86-64 Linux
// build runs it: the same data structures, the same decisions, the same addresses for the same
// sequence of requests, given the simulated mmap underneath.
//
// The picture, from the top down:
//
//  - An arena is 1 MiB obtained from mmap. Its pools start at the first 16 KiB boundary inside
//    it; mmap only promises page alignment, so an arena that does not start on a pool boundary
//    loses one pool (63 instead of 64) -- the "bytes lost to arena alignment" of the report.
//    Pools are carved lazily: `poolAddress` is the next never-used pool, and `nfreepools`
//    counts those plus the pools on the arena's `freepools` list (singly linked, LIFO).
//  - A pool is 16 KiB of blocks of one size class, after a 48-byte header. Its state is its
//    `count` of allocated blocks: used (0 < count < capacity, linked into usedpools[class]),
//    full (count == capacity, linked nowhere), or empty (count == 0, on its arena's freepools).
//    A pool that becomes empty keeps its size class and its free list, so reusing it for the
//    same class needs no initialisation.
//  - Blocks are carved lazily too: the pool's `freeblock` list (LIFO, threaded through the
//    first word of each free block; here a per-pool stack whose top is the head) is extended one block at a time from `nextoffset` up to
//    `maxnextoffset` only when the list runs dry. So a free always makes that block the next
//    one handed out for its pool: CPython's familiar `id()` reuse.
//  - usedpools[class] is a circular doubly linked list with a sentinel. Allocation takes the
//    first pool; a pool that turns from full to used goes to the front (the most recently freed
//    into pool is filled first); a new pool goes in when the list is empty.
//  - `usable_arenas` is a doubly linked list of the arenas with at least one free pool, sorted
//    by nfreepools ascending, so the fullest arena serves new pools and nearly empty arenas get
//    the chance to drain and be returned. nfp2lasta[n] is the last arena in the list with n free
//    pools, which makes keeping the order O(1): an arena whose count went up by one moves to
//    just after the last arena of its old count.
//  - An arena whose pools are all free is munmapped -- unless it is the last arena in
//    usable_arenas (bpo-37257: keep one wholly free arena to avoid thrashing).
//  - Arena bookkeeping lives in the `arenas` array (16 entries at first, doubling when full);
//    slots without memory are chained on unused_arena_objects, most recently freed first.
//  - Requests of 0 bytes or more than 512 go to the system malloc (PyMem_RawMalloc). realloc
//    keeps a small block in place when the new size fits its class and shrinks by at most a
//    quarter; otherwise it moves the data. Large blocks stay with the system allocator.
//  - The radix tree (arena_map) answers "is this address in an arena?"; its interior nodes are
//    allocated on first use and never freed, which the report counts.
//
// Invariants `checkInvariants()` verifies: every block address is in exactly one pool; a pool's
// count equals its carved blocks minus its free-list length; free lists hold distinct carved
// blocks of the pool; used pools are exactly those in the usedpools lists; usable_arenas is
// sorted, doubly linked, and nfp2lasta points at the last arena of each count.
//
// Addresses are plain numbers (below 2^47); pointer fields of the C structs become object
// references; a pool's free list is a stack of block addresses (top = CPython's freeblock). A
// free finds its pool in one array load: `poolsByRegion` holds every carved pool of a live
// arena at the index of its 16 KiB region counted down from the top of the mmap area (arenas
// are mapped top-down, so the indices stay small and dense) — no map keyed by address on the
// hot path (addresses above 2^31 are heap numbers in V8, slow to hash as map keys).

import {
  ARENA_SIZE, INITIAL_ARENA_OBJECTS, MAX_POOLS_IN_ARENA, NB_SMALL_SIZE_CLASSES, POOL_OVERHEAD,
  POOL_SIZE, SMALL_REQUEST_THRESHOLD, index2size, numBlocks, poolAddressOf, sizeClassIndex, hex,
} from './geometry';
import { SimulatedMmap, SystemMalloc } from './system';

/** The links a pool and a usedpools sentinel share. */
interface PoolLink {
  nextpool: PoolLink;
  prevpool: PoolLink;
}

/** struct pool_header. */
export class Pool implements PoolLink {
  /** ref.count: blocks allocated. */
  count = 0;
  /** The free list, head last: `free[free.length - 1]` is CPython's `freeblock`. */
  readonly free: number[] = [];
  /** Address of the first free block, 0 when none. */
  get freeblock(): number {
    const f = this.free;
    return f.length === 0 ? 0 : f[f.length - 1];
  }
  nextpool: PoolLink = this;
  prevpool: PoolLink = this;
  /** Size class; -1 before first use (DUMMY_SIZE_IDX). */
  szidx = -1;
  nextoffset = 0;
  maxnextoffset = 0;
  constructor(readonly address: number, readonly arenaindex: number) {}
}

/** struct arena_object. */
export class ArenaObject {
  /** The mmapped address, 0 when this slot has no arena. */
  address = 0;
  /** Next pool never carved. */
  poolAddress = 0;
  nfreepools = 0;
  ntotalpools = 0;
  /** Head of the arena's free pools (linked through Pool.nextpool). */
  freepools: Pool | null = null;
  nextarena: ArenaObject | null = null;
  prevarena: ArenaObject | null = null;
  /** The carved pools of the arena, in carving order. */
  readonly pools: Pool[] = [];
  /** Carved pools by their index from the arena's address (POOL_ADDR without a map). */
  readonly poolSlots: (Pool | undefined)[] = [];
  constructor(readonly index: number) {}
}

export type PoolState = 'used' | 'full' | 'empty';

export interface PoolView {
  address: number;
  arenaIndex: number;
  szidx: number;
  blockSize: number;
  capacity: number;
  used: number;
  free: number;
  state: PoolState;
  /** Blocks carved so far (the rest of the pool was never touched). */
  carved: number;
  /** Addresses of the allocated blocks, ascending. */
  blocks: number[];
  /** The free list, head first (the next allocations of this pool, in order). */
  freeList: number[];
}

export interface ArenaView {
  index: number;
  address: number;
  firstPool: number;
  ntotalpools: number;
  nfreepools: number;
  /** Pools never carved. */
  untouchedPools: number;
  pools: PoolView[];
}

/** Where an address lives, for a hover on an id() or a click in the map. */
export type Location =
  | { where: 'pool'; arenaIndex: number; arenaAddress: number; poolAddress: number; szidx: number; blockSize: number;
      /** The block containing the address, its index in the pool, and the offset inside it. */
      block: number; blockIndex: number; offsetInBlock: number;
      /** 'header' for the pool header, 'untouched' past the carved blocks, 'tail' for the unused end. */
      state: 'allocated' | 'free' | 'untouched' | 'header' | 'tail' }
  | { where: 'arena'; arenaIndex: number; arenaAddress: number; state: 'free-pool' | 'alignment' }
  | { where: 'system'; block: number; request: number }
  | { where: 'nowhere' };

export interface ObmallocOptions {
  /** Highest address of the simulated mmap area (page aligned). */
  mmapTop?: number;
  /** Start of the simulated brk heap the system malloc uses. */
  heapBase?: number;
  /** Check every free for a double free (O(free list) per free; off for the runtime's heap). */
  strict?: boolean;
}

/**
 * Default addresses: the mmap area ends 4 KiB above a 1 MiB boundary, so arenas are page but not
 * pool aligned and lose one pool each, as most arenas of a real CPython process do.
 */
export const DEFAULT_MMAP_TOP = 0x7f3a1c101000;
export const DEFAULT_HEAP_BASE = 0x555555a00000;
const MMAP_FLOOR = 0x7e0000000000;

/** Counters sys._debugmallocstats() prints, and a few more for the debugger. */
export interface ObmallocCounters {
  ntimesArenaAllocated: number;
  narenasCurrentlyAllocated: number;
  narenasHighwater: number;
  maxarenas: number;
  arenaMapMidCount: number;
  arenaMapBotCount: number;
  /** Calls of the object allocator (malloc, and realloc's mallocs). */
  mallocCalls: number;
  /** Small blocks currently allocated. */
  smallBlocksInUse: number;
  /** Large (system) blocks currently allocated. */
  largeBlocksInUse: number;
}

const INTERIOR_SPLIT = 2 ** 34; // ARENA_BITS + MAP_BOT_BITS (20 + 14)
const TOP_SPLIT = 2 ** 49; // + MAP_MID_BITS (15)

export class Obmalloc {
  readonly mmap: SimulatedMmap;
  readonly system: SystemMalloc;
  /** arenas[]: bookkeeping slots, some with memory. */
  readonly arenas: ArenaObject[] = [];
  private unusedArenaObjects: ArenaObject | null = null;
  private usableArenas: ArenaObject | null = null;
  private readonly nfp2lasta: (ArenaObject | null)[] = new Array(MAX_POOLS_IN_ARENA + 1).fill(null);
  private readonly usedpools: PoolLink[] = [];
  private readonly strict: boolean;
  /** Live arenas by the 1 MiB region their address falls in. */
  private readonly arenaByRegion = new Map<number, ArenaObject>();
  /** Carved pools of live arenas by `poolRegion(address)`; undefined elsewhere (see the module comment). */
  private readonly poolsByRegion: (Pool | undefined)[] = [];
  /** The mmap top rounded up to a pool boundary: region 0 is the 16 KiB just below it. */
  private readonly poolRegionTop: number;
  private readonly mapMidNodes = new Set<number>();
  private readonly mapBotNodes = new Set<number>();
  private ntimesArenaAllocated = 0;
  private narenasCurrentlyAllocated = 0;
  private narenasHighwater = 0;
  private mallocCalls = 0;
  private smallInUse = 0;

  constructor(options: ObmallocOptions = {}) {
    this.mmap = new SimulatedMmap(options.mmapTop ?? DEFAULT_MMAP_TOP, MMAP_FLOOR);
    this.system = new SystemMalloc(options.heapBase ?? DEFAULT_HEAP_BASE, this.mmap);
    this.strict = options.strict ?? true;
    this.poolRegionTop = Math.ceil(this.mmap.top / POOL_SIZE) * POOL_SIZE;
    for (let i = 0; i < NB_SMALL_SIZE_CLASSES; i++) {
      const sentinel = {} as PoolLink;
      sentinel.nextpool = sentinel.prevpool = sentinel;
      this.usedpools.push(sentinel);
    }
  }

  // ---- the public allocator API (PyObject_Malloc / Free / Realloc) ----

  /** PyObject_Malloc: the address of a fresh block of at least `nbytes` bytes. */
  allocate(nbytes: number): number {
    if (!Number.isInteger(nbytes) || nbytes < 0) throw new RangeError(`bad request size ${nbytes}`);
    this.mallocCalls++;
    if (nbytes === 0 || nbytes > SMALL_REQUEST_THRESHOLD) return this.system.malloc(nbytes === 0 ? 1 : nbytes);
    this.smallInUse++;
    return this.pymallocAlloc(sizeClassIndex(nbytes));
  }

  /** PyObject_Free. Throws on an address that is not allocated (a double free). */
  free(address: number): void {
    const pool = this.poolOf(address);
    if (pool === null) {
      this.system.free(address);
      return;
    }
    this.checkAllocated(pool, address);
    this.smallInUse--;
    this.pymallocFree(pool, address);
  }

  /** PyObject_Realloc: the (possibly moved) address of a block of at least `nbytes`. */
  realloc(address: number, nbytes: number): number {
    if (address === 0) return this.allocate(nbytes);
    const pool = this.poolOf(address);
    if (pool === null) return this.system.realloc(address, nbytes === 0 ? 1 : nbytes);
    this.checkAllocated(pool, address);
    const size = index2size(pool.szidx);
    if (nbytes <= size && nbytes > 0) {
      // Shrinking by less than a quarter is not worth a copy.
      if (4 * nbytes > 3 * size) return address;
    }
    const moved = this.allocate(nbytes);
    this.free(address);
    return moved;
  }

  /** The size class of a small block's pool, or -1 for an address the system allocator owns. */
  sizeClassOf(address: number): number {
    const pool = this.poolOf(address);
    return pool === null ? -1 : pool.szidx;
  }

  /** The usable size of an allocated block (its block size, or the system request). */
  usableSize(address: number): number | undefined {
    const pool = this.poolOf(address);
    if (pool !== null) return index2size(pool.szidx);
    return this.system.requestOf(address);
  }

  /** Is `address` inside a pymalloc arena (address_in_range)? */
  addressInRange(address: number): boolean {
    return this.arenaOf(address) !== null;
  }

  // ---- pymalloc_alloc and its helpers ----

  private pymallocAlloc(size: number): number {
    const head = this.usedpools[size];
    const first = head.nextpool;
    if (first !== head) {
      const pool = first as Pool;
      pool.count++;
      const free = pool.free;
      const bp = free.pop()!;
      if (free.length === 0) this.poolExtend(pool, size);
      return bp;
    }
    return this.allocateFromNewPool(size);
  }

  /** pymalloc_pool_extend: carve the next fresh block, or unlink the now full pool. */
  private poolExtend(pool: Pool, size: number): void {
    if (pool.nextoffset <= pool.maxnextoffset) {
      pool.free.push(pool.address + pool.nextoffset);
      pool.nextoffset += index2size(size);
      return;
    }
    const next = pool.nextpool;
    const prev = pool.prevpool;
    next.prevpool = prev;
    prev.nextpool = next;
  }

  private allocateFromNewPool(size: number): number {
    if (this.usableArenas === null) {
      const arena = this.newArena();
      arena.nextarena = arena.prevarena = null;
      this.usableArenas = arena;
      this.nfp2lasta[arena.nfreepools] = arena;
    }
    const ua = this.usableArenas;
    // The first usable arena has the fewest free pools; taking one keeps it first.
    if (this.nfp2lasta[ua.nfreepools] === ua) this.nfp2lasta[ua.nfreepools] = null;
    if (ua.nfreepools > 1) this.nfp2lasta[ua.nfreepools - 1] = ua;

    let pool: Pool;
    if (ua.freepools !== null) {
      pool = ua.freepools;
      ua.freepools = pool.nextpool === pool ? null : (pool.nextpool as Pool | null);
      ua.nfreepools--;
    } else {
      pool = new Pool(ua.poolAddress, ua.index);
      ua.pools.push(pool);
      ua.poolSlots[Math.floor((pool.address - ua.address) / POOL_SIZE)] = pool;
      this.setPoolRegion(pool.address, pool);
      ua.poolAddress += POOL_SIZE;
      ua.nfreepools--;
    }
    if (ua.nfreepools === 0) {
      this.usableArenas = ua.nextarena;
      if (this.usableArenas !== null) this.usableArenas.prevarena = null;
    }

    // Front-link into the (empty) usedpools list of its class.
    const head = this.usedpools[size];
    pool.nextpool = head;
    pool.prevpool = head;
    head.nextpool = pool;
    head.prevpool = pool;
    pool.count = 1;
    if (pool.szidx === size) {
      // The pool last held this class: its free list is still in place.
      return pool.free.pop()!;
    }
    if (pool.szidx >= 0) this.forgetFreeList(pool);
    pool.szidx = size;
    const blockSize = index2size(size);
    const bp = pool.address + POOL_OVERHEAD;
    pool.nextoffset = POOL_OVERHEAD + 2 * blockSize;
    pool.maxnextoffset = POOL_SIZE - blockSize;
    pool.free.push(bp + blockSize);
    return bp;
  }

  /** Drop the words of an empty pool's old free list before it is re-initialised. */
  private forgetFreeList(pool: Pool): void {
    pool.free.length = 0;
  }

  /** new_arena: a bookkeeping slot (growing the array if needed) and 1 MiB of fresh memory. */
  private newArena(): ArenaObject {
    if (this.unusedArenaObjects === null) {
      const maxarenas = this.arenas.length;
      const numarenas = maxarenas ? maxarenas * 2 : INITIAL_ARENA_OBJECTS;
      for (let i = maxarenas; i < numarenas; i++) this.arenas.push(new ArenaObject(i));
      for (let i = maxarenas; i < numarenas; i++) this.arenas[i].nextarena = i < numarenas - 1 ? this.arenas[i + 1] : null;
      this.unusedArenaObjects = this.arenas[maxarenas];
    }
    const arena = this.unusedArenaObjects;
    this.unusedArenaObjects = arena.nextarena;
    const address = this.mmap.mmap(ARENA_SIZE);
    arena.address = address;
    this.markArenaUsed(arena, true);
    this.narenasCurrentlyAllocated++;
    this.ntimesArenaAllocated++;
    if (this.narenasCurrentlyAllocated > this.narenasHighwater) this.narenasHighwater = this.narenasCurrentlyAllocated;
    arena.freepools = null;
    arena.pools.length = 0;
    arena.poolSlots.length = 0;
    arena.poolAddress = address;
    arena.nfreepools = MAX_POOLS_IN_ARENA;
    const excess = address % POOL_SIZE;
    if (excess !== 0) {
      arena.nfreepools--;
      arena.poolAddress += POOL_SIZE - excess;
    }
    arena.ntotalpools = arena.nfreepools;
    return arena;
  }

  /** arena_map_mark_used: record the arena in the radix tree (creating interior nodes). */
  private markArenaUsed(arena: ArenaObject, used: boolean): void {
    const region = Math.floor(arena.address / ARENA_SIZE);
    if (used) {
      this.arenaByRegion.set(region, arena);
      this.touchMapNodes(arena.address);
      if (arena.address % ARENA_SIZE !== 0) this.touchMapNodes(arena.address + ARENA_SIZE);
    } else {
      this.arenaByRegion.delete(region);
    }
  }

  private touchMapNodes(address: number): void {
    this.mapMidNodes.add(Math.floor(address / TOP_SPLIT));
    this.mapBotNodes.add(Math.floor(address / INTERIOR_SPLIT));
  }

  // ---- pymalloc_free and its helpers ----

  private pymallocFree(pool: Pool, p: number): void {
    const free = pool.free;
    const wasFull = free.length === 0;
    free.push(p);
    pool.count--;
    if (wasFull) {
      // The pool was full: it goes to the front of its usedpools list.
      const head = this.usedpools[pool.szidx];
      const next = head.nextpool;
      pool.nextpool = next;
      pool.prevpool = head;
      next.prevpool = pool;
      head.nextpool = pool;
      return;
    }
    if (pool.count !== 0) return;
    this.insertToFreepool(pool);
  }

  private insertToFreepool(pool: Pool): void {
    const next = pool.nextpool;
    const prev = pool.prevpool;
    next.prevpool = prev;
    prev.nextpool = next;

    const ao = this.arenas[pool.arenaindex];
    pool.nextpool = (ao.freepools ?? pool) as PoolLink; // a self link stands for NULL
    pool.prevpool = pool;
    ao.freepools = pool;
    let nf = ao.nfreepools;
    const lastnf = this.nfp2lasta[nf];
    if (lastnf === ao) {
      const p = ao.prevarena;
      this.nfp2lasta[nf] = p !== null && p.nfreepools === nf ? p : null;
    }
    ao.nfreepools = ++nf;

    if (nf === ao.ntotalpools && ao.nextarena !== null) {
      // Case 1: wholly free and not the last usable arena: give the memory back.
      if (ao.prevarena === null) this.usableArenas = ao.nextarena;
      else ao.prevarena.nextarena = ao.nextarena;
      ao.nextarena.prevarena = ao.prevarena;
      this.freeArena(ao);
      return;
    }
    if (nf === 1) {
      // Case 2: the arena had no free pool; it becomes the head (the smallest count).
      ao.nextarena = this.usableArenas;
      ao.prevarena = null;
      if (this.usableArenas !== null) this.usableArenas.prevarena = ao;
      this.usableArenas = ao;
      if (this.nfp2lasta[1] === null) this.nfp2lasta[1] = ao;
      return;
    }
    if (this.nfp2lasta[nf] === null) this.nfp2lasta[nf] = ao;
    // Case 4: it was the last arena of its old count, so the order still holds.
    if (ao === lastnf) return;
    // Case 3: move it to just after the last arena with its old count.
    if (lastnf === null) throw new Error('obmalloc: nfp2lasta lost an arena');
    if (ao.prevarena !== null) ao.prevarena.nextarena = ao.nextarena;
    else this.usableArenas = ao.nextarena;
    ao.nextarena!.prevarena = ao.prevarena;
    ao.prevarena = lastnf;
    ao.nextarena = lastnf.nextarena;
    if (ao.nextarena !== null) ao.nextarena.prevarena = ao;
    lastnf.nextarena = ao;
  }

  private freeArena(ao: ArenaObject): void {
    for (const pool of ao.pools) {
      if (pool.szidx >= 0) this.forgetFreeList(pool);
      this.setPoolRegion(pool.address, undefined);
    }
    ao.pools.length = 0;
    ao.poolSlots.length = 0;
    ao.freepools = null;
    ao.nextarena = this.unusedArenaObjects;
    ao.prevarena = null;
    this.unusedArenaObjects = ao;
    this.markArenaUsed(ao, false);
    this.mmap.munmap(ao.address, ARENA_SIZE);
    ao.address = 0;
    this.narenasCurrentlyAllocated--;
  }

  // ---- lookups ----

  private arenaOf(address: number): ArenaObject | null {
    const region = Math.floor(address / ARENA_SIZE);
    const here = this.arenaByRegion.get(region);
    if (here !== undefined && here.address <= address) return here;
    const below = this.arenaByRegion.get(region - 1);
    if (below !== undefined && address < below.address + ARENA_SIZE) return below;
    return null;
  }

  /** The carved pool at a pool address of an arena (POOL_ADDR), if any. */
  private poolAt(ao: ArenaObject, poolAddress: number): Pool | undefined {
    return ao.poolSlots[Math.floor((poolAddress - ao.address) / POOL_SIZE)];
  }

  /** Index of the 16 KiB region holding `address`, counted down from the top of the mmap area (negative above it). */
  private poolRegion(address: number): number {
    return Math.floor((this.poolRegionTop - 1 - address) / POOL_SIZE);
  }

  private setPoolRegion(poolAddress: number, pool: Pool | undefined): void {
    const index = this.poolRegion(poolAddress);
    const pools = this.poolsByRegion;
    // Grow densely (a far index written past the end would turn the array into a dictionary).
    while (pools.length <= index) pools.push(undefined);
    pools[index] = pool;
  }

  /** The pool holding a small block, or null when the address is not in an arena. */
  private poolOf(address: number): Pool | null {
    const index = this.poolRegion(address);
    if (index >= 0 && index < this.poolsByRegion.length) {
      const pool = this.poolsByRegion[index];
      if (pool !== undefined) return pool;
    }
    return this.poolOfUncarved(address);
  }

  /** poolOf for an address in no carved pool: null outside the arenas, an error inside one. */
  private poolOfUncarved(address: number): Pool | null {
    const ao = this.arenaOf(address);
    if (ao === null) return null;
    const pool = this.poolAt(ao, poolAddressOf(address));
    if (pool === undefined) throw new Error(`obmalloc: ${hex(address)} is in an arena but in no pool`);
    return pool;
  }

  private checkAllocated(pool: Pool, address: number): void {
    // The pool was found by this address, so the offset is below POOL_SIZE: int32 arithmetic
    // (a double's % is a call to fmod, the costliest step of a free).
    const offset = address - pool.address;
    const blockOffset = (offset | 0) - POOL_OVERHEAD;
    if (pool.count === 0 || blockOffset < 0 || offset >= pool.nextoffset || (offset | 0) !== offset || blockOffset % index2size(pool.szidx) !== 0 || (this.strict && pool.free.includes(address))) {
      throw new Error(`obmalloc: free of ${hex(address)}, which is not an allocated block`);
    }
  }

  // ---- queries for the memory map and the report ----

  /** What the allocator knows about an address (inside a block, a pool header, a system block...). */
  locate(address: number): Location {
    const ao = this.arenaOf(address);
    if (ao === null) {
      for (const b of this.system.blocks()) {
        if (address >= b.address && address < b.address + Math.max(1, b.request)) return { where: 'system', block: b.address, request: b.request };
      }
      return { where: 'nowhere' };
    }
    const pool = this.poolAt(ao, poolAddressOf(address));
    if (pool === undefined || pool.szidx < 0) {
      return { where: 'arena', arenaIndex: ao.index, arenaAddress: ao.address, state: address < ao.address + (POOL_SIZE - (ao.address % POOL_SIZE)) % POOL_SIZE ? 'alignment' : 'free-pool' };
    }
    const blockSize = index2size(pool.szidx);
    const offset = address - pool.address;
    const base = { where: 'pool' as const, arenaIndex: ao.index, arenaAddress: ao.address, poolAddress: pool.address, szidx: pool.szidx, blockSize };
    if (offset < POOL_OVERHEAD) return { ...base, block: pool.address, blockIndex: -1, offsetInBlock: offset, state: 'header' };
    const blockIndex = Math.floor((offset - POOL_OVERHEAD) / blockSize);
    const block = pool.address + POOL_OVERHEAD + blockIndex * blockSize;
    const offsetInBlock = address - block;
    if (blockIndex >= numBlocks(pool.szidx)) return { ...base, block, blockIndex, offsetInBlock, state: 'tail' };
    if (block >= pool.address + pool.nextoffset) return { ...base, block, blockIndex, offsetInBlock, state: 'untouched' };
    return { ...base, block, blockIndex, offsetInBlock, state: pool.free.includes(block) ? 'free' : 'allocated' };
  }

  counters(): ObmallocCounters {
    return {
      ntimesArenaAllocated: this.ntimesArenaAllocated,
      narenasCurrentlyAllocated: this.narenasCurrentlyAllocated,
      narenasHighwater: this.narenasHighwater,
      maxarenas: this.arenas.length,
      arenaMapMidCount: this.mapMidNodes.size,
      arenaMapBotCount: this.mapBotNodes.size,
      mallocCalls: this.mallocCalls,
      smallBlocksInUse: this.smallInUse,
      largeBlocksInUse: this.system.liveBlocks,
    };
  }

  /** The free list of a pool, head first. */
  freeListOf(pool: Pool): number[] {
    const out: number[] = [];
    for (let i = pool.free.length - 1; i >= 0; i--) out.push(pool.free[i]);
    return out;
  }

  poolView(pool: Pool): PoolView {
    const blockSize = index2size(pool.szidx);
    const capacity = numBlocks(pool.szidx);
    const freeList = this.freeListOf(pool);
    const carved = (pool.nextoffset - POOL_OVERHEAD) / blockSize;
    const free = new Set(freeList);
    const blocks: number[] = [];
    for (let i = 0; i < carved; i++) {
      const b = pool.address + POOL_OVERHEAD + i * blockSize;
      if (!free.has(b)) blocks.push(b);
    }
    const state: PoolState = pool.count === 0 ? 'empty' : pool.count === capacity ? 'full' : 'used';
    return { address: pool.address, arenaIndex: pool.arenaindex, szidx: pool.szidx, blockSize, capacity, used: pool.count, free: capacity - pool.count, state, carved, blocks, freeList };
  }

  /** Every arena with memory, in `arenas` order, with its carved pools in address order. */
  arenaViews(): ArenaView[] {
    const out: ArenaView[] = [];
    for (const ao of this.arenas) {
      if (ao.address === 0) continue;
      const firstPool = ao.address % POOL_SIZE === 0 ? ao.address : ao.address - (ao.address % POOL_SIZE) + POOL_SIZE;
      const pools = [...ao.pools].sort((a, b) => a.address - b.address).map((p) => this.poolView(p));
      out.push({ index: ao.index, address: ao.address, firstPool, ntotalpools: ao.ntotalpools, nfreepools: ao.nfreepools, untouchedPools: ao.ntotalpools - ao.pools.length, pools });
    }
    return out;
  }

  /** The arena slots of usable_arenas, in list order. */
  usableArenaOrder(): number[] {
    const out: number[] = [];
    for (let a = this.usableArenas; a !== null; a = a.nextarena) out.push(a.index);
    return out;
  }

  /** Pool addresses of usedpools[szidx], in list order (the first serves the next request). */
  usedPoolOrder(szidx: number): number[] {
    const head = this.usedpools[szidx];
    const out: number[] = [];
    for (let p = head.nextpool; p !== head; p = p.nextpool) out.push((p as Pool).address);
    return out;
  }

  /** Arena slots chained on unused_arena_objects, in chain order. */
  unusedArenaSlots(): number[] {
    const out: number[] = [];
    for (let a = this.unusedArenaObjects; a !== null; a = a.nextarena) out.push(a.index);
    return out;
  }

  /** nfp2lasta as arena indices (-1 for NULL). */
  nfp2lastaIndices(): number[] {
    return this.nfp2lasta.map((a) => (a === null ? -1 : a.index));
  }

  /** Throws on the first broken invariant (see the module comment). */
  checkInvariants(): void {
    const fail = (m: string) => {
      throw new Error(`obmalloc invariant: ${m}`);
    };
    const inUsedLists = new Set<Pool>();
    for (let c = 0; c < NB_SMALL_SIZE_CLASSES; c++) {
      const head = this.usedpools[c];
      let steps = 0;
      for (let p = head.nextpool; p !== head; p = p.nextpool) {
        if (p.nextpool.prevpool !== p) fail(`usedpools[${c}] links`);
        const pool = p as Pool;
        if (pool.szidx !== c) fail(`pool ${hex(pool.address)} of class ${pool.szidx} in usedpools[${c}]`);
        inUsedLists.add(pool);
        if (++steps > 1e7) fail('usedpools cycle');
      }
    }
    const seenBlocks = new Set<number>();
    let small = 0;
    let live = 0;
    for (const ao of this.arenas) {
      if (ao.address === 0) continue;
      live++;
      const free = new Set<Pool>();
      for (let p = ao.freepools; p !== null; p = p.nextpool === p ? null : (p.nextpool as Pool)) {
        if (free.has(p)) fail('freepools cycle');
        free.add(p);
      }
      const untouched = ao.ntotalpools - ao.pools.length;
      if (ao.nfreepools !== free.size + untouched) fail(`arena ${ao.index}: nfreepools ${ao.nfreepools} != ${free.size} + ${untouched}`);
      for (const pool of ao.pools) {
        if (pool.address < ao.address || pool.address + POOL_SIZE > ao.address + ARENA_SIZE || pool.address % POOL_SIZE !== 0) fail(`pool ${hex(pool.address)} outside its arena`);
        const view = this.poolView(pool);
        if (view.used !== view.carved - view.freeList.length) fail(`pool ${hex(pool.address)}: count ${view.used} != carved ${view.carved} - free ${view.freeList.length}`);
        if (new Set(view.freeList).size !== view.freeList.length) fail(`pool ${hex(pool.address)}: free list repeats a block`);
        for (const b of view.freeList) {
          const off = b - pool.address - POOL_OVERHEAD;
          if (off < 0 || off % view.blockSize !== 0 || b >= pool.address + pool.nextoffset) fail(`pool ${hex(pool.address)}: bad free block ${hex(b)}`);
        }
        if (pool.nextoffset > pool.maxnextoffset + view.blockSize) fail(`pool ${hex(pool.address)}: nextoffset past the end`);
        for (const b of view.blocks) {
          if (seenBlocks.has(b)) fail(`block ${hex(b)} in two pools`);
          seenBlocks.add(b);
          if (this.poolOf(b) !== pool) fail(`block ${hex(b)} not found in its pool`);
        }
        small += view.used;
        if (view.state === 'empty' && !free.has(pool)) fail(`empty pool ${hex(pool.address)} not on freepools`);
        if (view.state !== 'empty' && free.has(pool)) fail(`pool ${hex(pool.address)} on freepools with blocks`);
        if ((view.state === 'used') !== inUsedLists.has(pool)) fail(`pool ${hex(pool.address)} (${view.state}) and usedpools disagree`);
        if (view.state !== 'full' && pool.freeblock === 0) fail(`pool ${hex(pool.address)} not full but without a free block`);
      }
    }
    if (small !== this.smallInUse) fail(`small blocks ${small} != counter ${this.smallInUse}`);
    if (live !== this.narenasCurrentlyAllocated) fail('narenas');
    // usable_arenas: sorted, linked both ways, exactly the arenas with free pools.
    let prev: ArenaObject | null = null;
    let n = 0;
    for (let a = this.usableArenas; a !== null; prev = a, a = a.nextarena) {
      if (a.prevarena !== prev) fail('usable_arenas prev link');
      if (a.address === 0 || a.nfreepools === 0) fail(`arena ${a.index} in usable_arenas without free pools`);
      if (prev !== null && prev.nfreepools > a.nfreepools) fail('usable_arenas not sorted');
      const last = a.nextarena === null || a.nextarena.nfreepools !== a.nfreepools;
      if (last !== (this.nfp2lasta[a.nfreepools] === a)) fail(`nfp2lasta[${a.nfreepools}]`);
      n++;
    }
    const withFree = this.arenas.filter((a) => a.address !== 0 && a.nfreepools > 0).length;
    if (n !== withFree) fail(`usable_arenas has ${n} arenas, ${withFree} have free pools`);
    for (let k = 0; k <= MAX_POOLS_IN_ARENA; k++) {
      const a = this.nfp2lasta[k];
      if (a !== null && (a.nfreepools !== k || a.address === 0)) fail(`nfp2lasta[${k}] stale`);
    }
  }
}
