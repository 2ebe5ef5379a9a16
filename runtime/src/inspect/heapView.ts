// The heap as the allocator sees it, for tools: any object's memory facts (type, refcount,
// sys.getsizeof, address, block, size class / pool / arena), the whole heap as arena → pool →
// block with each block's object, a cheap "what changed since this mark" diff, and an
// allocation / deallocation event stream.
//
// Invariants:
//  - reading never changes what the program can observe: no refcount changes, no Python code,
//    no allocation in the simulated heap (sizes are computed from fields, reprs by safeRepr);
//  - nothing costs anything while no one records or listens: the block → object registry and
//    the event stream exist only between `recordHeap(true)` / `onHeapEvent` and their undoing
//    (memory/heap.ts calls its observer only when one is set);
//  - without the registry, blocks are still listed (state, size class), just without their
//    object: heapWalk.ts (the debugger's walk from the roots) fills that gap for reachable ones.

import type { PyObject } from '../objects/pyobject';
import { PyList } from '../objects/list';
import { PyDict } from '../objects/dict';
import { PyInt, intSize } from '../objects/int';
import { dictSizeof } from '../objects/dictKeys';
import {
  allocator, freeLists, heapCounters, observeHeap, basicSizeOf, preHeaderSize, isFreed, type HeapObserver,
} from '../memory/heap';
import { PyTuple_NFREELISTS } from '../memory/obmalloc/freelists';
import type { Location } from '../memory/obmalloc/obmalloc';
import { safeRepr } from './objectView';

const SUMMARY_REPR = 80;

export interface ObjectMemory {
  /** id(): the object's address. */
  address: number;
  typeName: string;
  refcount: number;
  /** sys.getsizeof, computed from fields (a user __sizeof__ is not run). */
  size: number;
  /** Bytes asked of the allocator, pre-header included. */
  request: number;
  /** The block: address minus the pre-header (PyGC_Head, managed dict pointers). */
  block: number;
  preHeader: number;
  gcHeader: boolean;
  /** Where the block lives (pool/arena/system) — or on a type free list after a free. */
  location: Location | { where: 'freelist' };
  freed: boolean;
}

export interface HeapBlock {
  address: number;
  state: 'allocated' | 'free';
  /** 'object' / 'buffer' when the registry knows the block, 'unknown' otherwise. */
  kind: 'object' | 'buffer' | 'unknown';
  /** id() of the object in the block, or of the owner of a buffer. */
  objectAddress?: number;
  typeName?: string;
  repr?: string;
  refcount?: number;
  size?: number;
}

export interface PoolMap {
  address: number;
  szidx: number;
  blockSize: number;
  capacity: number;
  used: number;
  state: 'used' | 'full' | 'empty';
  carved: number;
  /** Allocated blocks in address order (and free ones when asked for). */
  blocks: HeapBlock[];
}

export interface ArenaMap {
  index: number;
  address: number;
  ntotalpools: number;
  nfreepools: number;
  untouchedPools: number;
  pools: PoolMap[];
}

export interface FreeListMap {
  kind: 'float' | 'list' | 'dict' | 'tuple';
  /** Tuple length for tuple lists. */
  length?: number;
  /** Block addresses, next to be reused first. */
  addresses: number[];
}

export interface HeapMap {
  arenas: ArenaMap[];
  /** Blocks of the system allocator (requests over 512 bytes). */
  large: HeapBlock[];
  freeLists: FreeListMap[];
  totals: { arenas: number; pools: number; blocks: number; bytesInBlocks: number; liveObjects: number; allocations: number; deallocations: number };
}

export interface HeapMapOptions {
  /** Include reprs of the objects (default true). */
  reprs?: boolean;
  /** List free blocks of used pools too (default false). */
  freeBlocks?: boolean;
}

export interface HeapMark {
  readonly serial: number;
  readonly blocks: ReadonlySet<number>;
}

export interface HeapDiff {
  /** Blocks allocated since the mark (with their objects when the registry knows them). */
  allocated: HeapBlock[];
  /** Block addresses freed since the mark. */
  freed: number[];
}

export interface HeapEvent {
  kind: 'alloc' | 'free';
  /** id() of the object, or the buffer's block address. */
  address: number;
  block: number;
  request: number;
  /** Type of the object (of the owner for a buffer). */
  typeName: string;
  buffer: boolean;
  /** The memory came from / went to a type free list. */
  freeList: boolean;
}

// ---------------------------------------------------------------- registry and events

interface Resident {
  obj: PyObject;
  buffer: boolean;
}

let registry: Map<number, Resident> | null = null;
const listeners = new Set<(e: HeapEvent) => void>();

const observer: HeapObserver = {
  objectAllocated(obj, block, fromFreeList) {
    registry?.set(block, { obj, buffer: false });
    if (listeners.size > 0) emit({ kind: 'alloc', address: obj.ob_addr, block, request: Math.abs(obj.ob_size), typeName: obj.ob_type.name, buffer: false, freeList: fromFreeList });
  },
  objectFreed(obj, block, toFreeList) {
    registry?.delete(block);
    if (listeners.size > 0) emit({ kind: 'free', address: obj.ob_addr, block, request: Math.abs(obj.ob_size), typeName: obj.ob_type.name, buffer: false, freeList: toFreeList });
  },
  bufferAllocated(owner, block, nbytes) {
    registry?.set(block, { obj: owner, buffer: true });
    if (listeners.size > 0) emit({ kind: 'alloc', address: block, block, request: nbytes, typeName: owner.ob_type.name, buffer: true, freeList: false });
  },
  bufferFreed(block) {
    const r = registry?.get(block);
    registry?.delete(block);
    if (listeners.size > 0) emit({ kind: 'free', address: block, block, request: 0, typeName: r?.obj.ob_type.name ?? '', buffer: true, freeList: false });
  },
};

function emit(e: HeapEvent): void {
  for (const l of listeners) l(e);
}

function updateObserver(): void {
  observeHeap(registry !== null || listeners.size > 0 ? observer : null);
}

/**
 * Keep a block → object registry from now on (the debugger turns it on before the program
 * starts, so every block of the run is known). Off: the registry is dropped.
 */
export function recordHeap(on: boolean): void {
  registry = on ? registry ?? new Map() : null;
  updateObserver();
}

/** Listen to allocations and deallocations; returns the function that stops listening. */
export function onHeapEvent(listener: (e: HeapEvent) => void): () => void {
  listeners.add(listener);
  updateObserver();
  return () => {
    listeners.delete(listener);
    updateObserver();
  };
}

// ---------------------------------------------------------------- one object

/** sys.getsizeof of an object from its fields (builtin layouts; a user __sizeof__ is not run). */
export function sizeofWithoutPython(o: PyObject): number {
  let basic: number;
  if (o instanceof PyList) basic = 40 + 8 * o.allocated;
  else if (o instanceof PyDict) basic = dictSizeof(o);
  else if (o instanceof PyInt) basic = intSize(o.value);
  else basic = basicSizeOf(o);
  return basic + preHeaderSize(o);
}

export function objectMemory(o: PyObject): ObjectMemory {
  const pre = preHeaderSize(o);
  const block = o.ob_addr - pre;
  const freed = isFreed(o);
  let location: ObjectMemory['location'] = allocator.locate(block);
  if (freed && !(location.where === 'pool' && location.state === 'free')) location = { where: 'freelist' };
  return {
    address: o.ob_addr,
    typeName: o.ob_type.name,
    refcount: o.ob_refcnt,
    size: sizeofWithoutPython(o),
    request: Math.abs(o.ob_size),
    block,
    preHeader: pre,
    gcHeader: o.ob_type.gcHeader,
    location,
    freed,
  };
}

// ---------------------------------------------------------------- the whole heap

function describe(address: number, state: 'allocated' | 'free', reprs: boolean): HeapBlock {
  const r = state === 'allocated' ? registry?.get(address) : undefined;
  if (r === undefined) return { address, state, kind: 'unknown' };
  const o = r.obj;
  if (r.buffer) return { address, state, kind: 'buffer', objectAddress: o.ob_addr, typeName: o.ob_type.name };
  const block: HeapBlock = { address, state, kind: 'object', objectAddress: o.ob_addr, typeName: o.ob_type.name, refcount: o.ob_refcnt, size: sizeofWithoutPython(o) };
  if (reprs) {
    const text = safeRepr(o);
    block.repr = text.length > SUMMARY_REPR ? text.slice(0, SUMMARY_REPR) + '…' : text;
  }
  return block;
}

export function heapMap(options: HeapMapOptions = {}): HeapMap {
  const reprs = options.reprs ?? true;
  let pools = 0;
  let blocks = 0;
  let bytesInBlocks = 0;
  const arenas: ArenaMap[] = allocator.arenaViews().map((a) => ({
    index: a.index,
    address: a.address,
    ntotalpools: a.ntotalpools,
    nfreepools: a.nfreepools,
    untouchedPools: a.untouchedPools,
    pools: a.pools.map((p) => {
      pools++;
      blocks += p.blocks.length;
      bytesInBlocks += p.blocks.length * p.blockSize;
      const list = p.blocks.map((b) => describe(b, 'allocated', reprs));
      if (options.freeBlocks) {
        for (const b of p.freeList) list.push({ address: b, state: 'free', kind: 'unknown' });
        list.sort((x, y) => x.address - y.address);
      }
      return { address: p.address, szidx: p.szidx, blockSize: p.blockSize, capacity: p.capacity, used: p.used, state: p.state, carved: p.carved, blocks: list };
    }),
  }));
  const large = allocator.system.blocks().map((b) => {
    bytesInBlocks += b.request;
    return describe(b.address, 'allocated', reprs);
  });
  const lists: FreeListMap[] = [
    { kind: 'float', addresses: [...freeLists.floats].reverse() },
    { kind: 'list', addresses: [...freeLists.lists].reverse() },
    { kind: 'dict', addresses: [...freeLists.dicts].reverse() },
  ];
  for (let n = 1; n <= PyTuple_NFREELISTS; n++) lists.push({ kind: 'tuple', length: n, addresses: [...freeLists.tuples[n - 1]].reverse() });
  return {
    arenas,
    large,
    freeLists: lists,
    totals: {
      arenas: arenas.length, pools, blocks, bytesInBlocks,
      liveObjects: heapCounters.liveObjects, allocations: heapCounters.allocations, deallocations: heapCounters.deallocations,
    },
  };
}

// ---------------------------------------------------------------- changes since a mark

let markSerial = 0;

function allocatedBlocks(): Set<number> {
  const out = new Set<number>();
  for (const a of allocator.arenaViews()) for (const p of a.pools) for (const b of p.blocks) out.add(b);
  for (const b of allocator.system.blocks()) out.add(b.address);
  return out;
}

/** Remember which blocks are allocated now (O(heap), nothing per allocation). */
export function heapMark(): HeapMark {
  return { serial: ++markSerial, blocks: allocatedBlocks() };
}

/** Blocks allocated and freed since `mark` (a block freed and reused since shows in neither list). */
export function heapDiff(mark: HeapMark, options: { reprs?: boolean } = {}): HeapDiff {
  const now = allocatedBlocks();
  const allocated: HeapBlock[] = [];
  for (const b of now) if (!mark.blocks.has(b)) allocated.push(describe(b, 'allocated', options.reprs ?? true));
  const freed: number[] = [];
  for (const b of mark.blocks) if (!now.has(b)) freed.push(b);
  allocated.sort((x, y) => x.address - y.address);
  freed.sort((x, y) => x - y);
  return { allocated, freed };
}
