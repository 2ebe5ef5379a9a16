// The memory module: the one place where Python objects are born and die.
//
// Every object gets its memory from `track` (or `trackFreeListed` for the constructors CPython
// serves from a free list) and gives it back in `deallocate` when its reference count reaches
// zero. Memory comes from the obmalloc model (memory/obmalloc): requests of up to 512 bytes are
// blocks in 16 KiB pools of 1 MiB arenas, larger ones go to the simulated system malloc. In
// front sit CPython 3.11's free lists (floats, tuples of length 1..20, lists, dicts). So `id()`
// (`ob_addr`) is the address CPython would print, and a freed object's id is the next one its
// size class (or free list) hands out.
//
// The request of an object is CPython's: basic size (+ items) as the type file passes it, plus
// the pre-header heap.ts adds — 16 bytes of PyGC_Head for types with `gcHeader`, and 16 more for
// 3.11's managed-dict pointers (`managedDict`). `ob_addr` is the block address plus that
// pre-header, exactly like CPython's pointer arithmetic. `ob_size` holds the request.
// Separately allocated buffers (a list's item array, a dict's keys) use `allocBuffer` &co.
//
// Invariants:
//  - an object's address is unique among live objects and every block is freed at most once:
//    a freed object is marked (`ob_size < 0`) so a refcount bug can only make an id or a count
//    wrong, never corrupt the allocator or crash the VM;
//  - dealloc never destroys the JS data of an object;
//  - singletons and type objects start "immortal-ish" (a huge count) so they are never freed;
//  - nothing here allocates JS objects per allocation unless someone observes the heap
//    (`observeHeap`): the hot path is a few field reads and the allocator's own work.

import type { PyObject } from '../objects/pyobject';
import { Obmalloc } from './obmalloc/obmalloc';
import {
  FreeLists, PyFloat_MAXFREELIST, PyTuple_NFREELISTS, PyTuple_MAXFREELIST, PyList_MAXFREELIST, PyDict_MAXFREELIST,
} from './obmalloc/freelists';

export interface Deallocator {
  (obj: PyObject): void;
}

/** Which CPython free list an exact type's objects use (PyType.freeList). */
export const FREELIST_NONE = 0;
export const FREELIST_FLOAT = 1;
export const FREELIST_TUPLE = 2;
export const FREELIST_LIST = 3;
export const FREELIST_DICT = 4;

/** sizeof(PyGC_Head). */
export const GC_HEADER_SIZE = 16;

/** The allocator and the free lists of the process. */
export const allocator = new Obmalloc({ strict: false });
export const freeLists = new FreeLists();

/** Counts for --memstats and the heap view. */
export const heapCounters = { liveObjects: 0, allocations: 0, deallocations: 0, freeListHits: 0 };

// ---------------------------------------------------------------- GC hooks (see .notes/memory-contract.md)

export interface GcAllocationHooks {
  /** _PyObject_GC_Link: a gcHeader object got fresh memory (not from a free list). */
  link(obj: PyObject): void;
  /** Every gcHeader object once built, fresh or free-listed (after link): the GC tracks it or not. */
  born(obj: PyObject): void;
  /** Before tp_dealloc of every gcHeader object (PyObject_GC_UnTrack). */
  untrack(obj: PyObject): void;
  /** PyObject_GC_Del: a gcHeader object's memory went back to pymalloc (not to a free list). */
  del(obj: PyObject): void;
}
const noop = (): void => {};
let gcHooks: GcAllocationHooks = { link: noop, born: noop, untrack: noop, del: noop };

export function setGcAllocationHooks(hooks: GcAllocationHooks | null): void {
  gcHooks = hooks ?? { link: noop, born: noop, untrack: noop, del: noop };
}

// ---------------------------------------------------------------- observers (inspect/heapView.ts)

export interface HeapEvent {
  kind: 'alloc' | 'free';
  /** id() of the object, or the buffer address. */
  address: number;
  /** The block (address minus pre-header). */
  block: number;
  request: number;
  typeName: string;
  /** True when the memory came from / went to a type free list instead of the allocator. */
  freeList: boolean;
  /** For buffers: the id() of the owning object. */
  owner?: number;
}

/** The heap's observer: set by the heap view only while someone listens. */
export interface HeapObserver {
  objectAllocated(obj: PyObject, block: number, fromFreeList: boolean): void;
  objectFreed(obj: PyObject, block: number, toFreeList: boolean): void;
  bufferAllocated(owner: PyObject, block: number, nbytes: number): void;
  bufferFreed(block: number): void;
}
let observer: HeapObserver | null = null;

export function observeHeap(o: HeapObserver | null): void {
  observer = o;
}

// ---------------------------------------------------------------- allocation

function preHeaderOf(obj: PyObject): number {
  const t = obj.ob_type;
  if (t === null || t === undefined || !t.gcHeader) return 0;
  return t.managedDict ? 32 : GC_HEADER_SIZE;
}

/**
 * Give a newly constructed object its memory (tp_alloc: never a free list). `basicBytes` is the
 * object's tp_basicsize (+ items * itemsize) without the pre-header.
 */
export function track<T extends PyObject>(obj: T, basicBytes: number): T {
  const pre = preHeaderOf(obj);
  // PyType_GenericAlloc: an instance of a class owns a reference to it (freeObject drops it)
  if (obj.ob_type.isHeapType) obj.ob_type.ob_refcnt++;
  const request = basicBytes + pre;
  obj.ob_size = request;
  const block = allocator.allocate(request);
  obj.ob_addr = block + pre;
  heapCounters.liveObjects++;
  heapCounters.allocations++;
  if (pre !== 0) {
    gcHooks.link(obj);
    gcHooks.born(obj);
  }
  if (observer !== null) observer.objectAllocated(obj, block, false);
  return obj;
}

/** The free list stack an object of this exact type and request would use, or null. */
function freeListFor(kind: number, request: number): number[] | null {
  switch (kind) {
    case FREELIST_FLOAT: return freeLists.floats;
    case FREELIST_LIST: return freeLists.lists;
    case FREELIST_DICT: return freeLists.dicts;
    case FREELIST_TUPLE: {
      const n = (request - GC_HEADER_SIZE - 24) / 8;
      return n >= 1 && n <= PyTuple_NFREELISTS ? freeLists.tuples[n - 1] : null;
    }
  }
  return null;
}

function freeListCap(kind: number): number {
  switch (kind) {
    case FREELIST_FLOAT: return PyFloat_MAXFREELIST;
    case FREELIST_LIST: return PyList_MAXFREELIST;
    case FREELIST_DICT: return PyDict_MAXFREELIST;
    default: return PyTuple_MAXFREELIST;
  }
}

/**
 * Like `track`, for the constructors CPython serves from a free list first (PyFloat_FromDouble,
 * PyTuple_New, PyList_New, PyDict_New). Falls back to the allocator when the list is empty.
 */
export function trackFreeListed<T extends PyObject>(obj: T, basicBytes: number): T {
  const kind = obj.ob_type.freeList;
  if (kind !== FREELIST_NONE) {
    const pre = preHeaderOf(obj);
    const request = basicBytes + pre;
    const stack = freeListFor(kind, request);
    if (stack !== null && stack.length > 0) {
      const block = stack.pop()!;
      obj.ob_size = request;
      obj.ob_addr = block + pre;
      heapCounters.liveObjects++;
      heapCounters.allocations++;
      heapCounters.freeListHits++;
      if (pre !== 0) gcHooks.born(obj);
      if (observer !== null) observer.objectAllocated(obj, block, true);
      return obj;
    }
  }
  return track(obj, basicBytes);
}

/** PyMem_Malloc for a buffer `owner` keeps (list items, dict keys): its block address. */
export function allocBuffer(owner: PyObject, nbytes: number): number {
  const block = allocator.allocate(nbytes);
  if (observer !== null) observer.bufferAllocated(owner, block, nbytes);
  return block;
}

/** PyMem_Realloc of a buffer (address 0 allocates; the block may move). */
export function reallocBuffer(owner: PyObject, block: number, nbytes: number): number {
  if (block === 0) return allocBuffer(owner, nbytes);
  const moved = allocator.realloc(block, nbytes);
  if (observer !== null && moved !== block) {
    observer.bufferFreed(block);
    observer.bufferAllocated(owner, moved, nbytes);
  } else if (observer !== null) {
    observer.bufferAllocated(owner, moved, nbytes);
  }
  return moved;
}

/** PyMem_Free of a buffer (0 is ignored). */
export function freeBuffer(block: number): void {
  if (block === 0) return;
  allocator.free(block);
  if (observer !== null) observer.bufferFreed(block);
}

/** A count large enough that static objects (types, None, small ints) are never deallocated. */
export const IMMORTAL_REFCNT = 1 << 30;

export function incref(obj: PyObject): void {
  obj.ob_refcnt++;
}

export function decref(obj: PyObject): void {
  if (--obj.ob_refcnt === 0) deallocate(obj);
}

export function xdecref(obj: PyObject | null | undefined): void {
  if (obj != null && --obj.ob_refcnt === 0) deallocate(obj);
}

export function xincref(obj: PyObject | null | undefined): void {
  if (obj != null) obj.ob_refcnt++;
}

/** Return a new reference to `obj` (incref and pass through), for natives returning borrowed objects. */
export function newRef<T extends PyObject>(obj: T): T {
  obj.ob_refcnt++;
  return obj;
}

/** tp_basicsize (+ items): the object's request without its pre-header (object.__sizeof__). */
export function basicSizeOf(obj: PyObject): number {
  return Math.abs(obj.ob_size) - preHeaderOf(obj);
}

/** The pre-header bytes before the object (PyGC_Head, managed dict pointers): 0, 16 or 32. */
export function preHeaderSize(obj: PyObject): number {
  return preHeaderOf(obj);
}

/** True once the object's memory went back (to a free list or the allocator). */
export function isFreed(obj: PyObject): boolean {
  return obj.ob_size < 0;
}

export function deallocate(obj: PyObject): void {
  if (obj.ob_size < 0) return; // already freed: a refcount bug elsewhere, never a double free
  const type = obj.ob_type;
  const gc = type.gcHeader;
  if (!gc) {
    freeObject(obj, type, false);
    return;
  }
  gcHooks.untrack(obj);
  // Py_TRASHCAN_BEGIN: containers freed inside deeper container frees wait in the trash, so a
  // 100000-deep nested list is freed iteratively, never by 100000 nested JS calls.
  if (deallocDepth >= TRASHCAN_DEPTH) {
    trash.push(obj);
    return;
  }
  deallocDepth++;
  try {
    freeObject(obj, type, true);
  } finally {
    deallocDepth--;
  }
  if (deallocDepth === 0 && trash.length !== 0) emptyTrash();
}

/** Py_TRASHCAN_MAX_DEPTH: how deep container deallocations nest before the trash takes over. */
const TRASHCAN_DEPTH = 50;
let deallocDepth = 0;
const trash: PyObject[] = [];

function emptyTrash(): void {
  while (trash.length !== 0) {
    const obj = trash.pop()!;
    deallocDepth++;
    try {
      freeObject(obj, obj.ob_type, true);
    } finally {
      deallocDepth--;
    }
  }
}

/** tp_dealloc, then the memory back to a free list or the allocator (GC objects already untracked). */
function freeObject(obj: PyObject, type: PyObject['ob_type'], gc: boolean): void {
  type.tp_dealloc(obj);
  // A finalizer (__del__) may have resurrected the object: it stays alive.
  if (obj.ob_refcnt > 0) return;
  const addr = obj.ob_addr;
  const request = obj.ob_size;
  if (addr === 0 || request <= 0) return;
  obj.ob_size = -request;
  heapCounters.liveObjects--;
  heapCounters.deallocations++;
  const pre = preHeaderOf(obj);
  const block = addr - pre;
  const kind = type.freeList;
  if (kind !== FREELIST_NONE) {
    const stack = freeListFor(kind, request);
    if (stack !== null && stack.length < freeListCap(kind)) {
      stack.push(block);
      if (observer !== null) observer.objectFreed(obj, block, true);
      return;
    }
  }
  allocator.free(block);
  if (gc) gcHooks.del(obj);
  if (observer !== null) observer.objectFreed(obj, block, false);
  // subtype_dealloc's last step: the instance's reference to its class
  if (type.isHeapType) decref(type);
}

/** Make an object effectively immortal (static types, singletons). */
export function immortalize<T extends PyObject>(obj: T): T {
  obj.ob_refcnt = IMMORTAL_REFCNT;
  return obj;
}

/** The process-wide heap: the allocator, the free lists and the counters, in one handle. */
export const heap = { allocator, freeLists, counters: heapCounters };
