// The memory module: the one place where Python objects are born and die.
//
// Every object gets a simulated address (its `id()`) from `allocate`, and gives it back in
// `deallocate` when its reference count reaches zero. Refcounts change only through `incref` /
// `decref` (tiny functions V8 inlines). Deallocation runs the type's `tp_dealloc`, which drops
// the references the object holds (so a list's items are released with it, as in CPython).
//
// Invariants:
//  - an object's address is unique among live objects and is reused after it dies, LIFO per size
//    class, the way pymalloc hands back the most recently freed block of a pool (this is a
//    placeholder for the arena/pool/block model of a later issue: only `allocate`/`deallocate`
//    change when it lands);
//  - dealloc never destroys the JS data of an object, so a refcount bug can only make an id or a
//    count wrong, never crash the VM;
//  - singletons and type objects start "immortal-ish" (a huge count) so they are never freed.

import type { PyObject } from '../objects/pyobject';

const ALIGNMENT = 16;
const SMALL_REQUEST_THRESHOLD = 512;
/** Where the simulated heap starts: a typical 64-bit Linux heap address, so reprs look familiar. */
const HEAP_BASE = 0x7f3a1c000000;

export interface Deallocator {
  (obj: PyObject): void;
}

export class Heap {
  private next = HEAP_BASE;
  private readonly freeBlocks: number[][] = [];
  liveObjects = 0;
  allocations = 0;

  allocate(size: number): number {
    this.liveObjects++;
    this.allocations++;
    const rounded = (size + ALIGNMENT - 1) & ~(ALIGNMENT - 1);
    if (rounded <= SMALL_REQUEST_THRESHOLD) {
      const list = this.freeBlocks[rounded >> 4];
      if (list !== undefined && list.length > 0) return list.pop()!;
    }
    const addr = this.next;
    this.next += rounded;
    return addr;
  }

  release(addr: number, size: number): void {
    this.liveObjects--;
    const rounded = (size + ALIGNMENT - 1) & ~(ALIGNMENT - 1);
    if (rounded <= SMALL_REQUEST_THRESHOLD) {
      const index = rounded >> 4;
      (this.freeBlocks[index] ??= []).push(addr);
    }
  }

  reset(): void {
    this.next = HEAP_BASE;
    this.freeBlocks.length = 0;
    this.liveObjects = 0;
    this.allocations = 0;
  }
}

/** The process-wide heap. A VM run resets it so ids are reproducible run to run. */
export const heap = new Heap();

/** A count large enough that static objects (types, None, small ints) are never deallocated. */
export const IMMORTAL_REFCNT = 1 << 30;

/** Give a newly constructed object its address. `size` is its CPython basic size in bytes. */
export function track<T extends PyObject>(obj: T, size: number): T {
  obj.ob_addr = heap.allocate(size);
  obj.ob_size = size;
  return obj;
}

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

function deallocate(obj: PyObject): void {
  const type = obj.ob_type;
  type.tp_dealloc(obj);
  if (obj.ob_addr !== 0) heap.release(obj.ob_addr, obj.ob_size);
}

/** Make an object effectively immortal (static types, singletons). */
export function immortalize<T extends PyObject>(obj: T): T {
  obj.ob_refcnt = IMMORTAL_REFCNT;
  return obj;
}
