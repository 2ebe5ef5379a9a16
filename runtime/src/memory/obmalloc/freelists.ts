// The per-type free lists CPython 3.11 keeps in front of pymalloc, as a pure model: given a
// type and a size, does a dealloc keep the memory on a free list (so pymalloc never sees the
// free), and does an allocation come from one (so pymalloc never sees the malloc).
//
// `debugTypeStats()` prints their lines of sys._debugmallocstats() in 3.11's order (dict, float,
// list, then tuples by length); the dict keys list has no line there.
//
// The lists of 3.11 (Objects/floatobject.c, tupleobject.c, listobject.c, dictobject.c):
//  - float: up to 100 exact floats (PyFloat_MAXFREELIST), LIFO.
//  - tuple: one list per length 1..20 (PyTuple_NFREELISTS), up to 2000 each
//    (PyTuple_MAXFREELIST), exact tuples only; the empty tuple is a static singleton that is
//    never allocated or freed.
//  - list: up to 80 exact lists (PyList_MAXFREELIST); only the PyListObject is kept, its item
//    array is freed to the allocator as usual.
//  - dict: up to 80 exact dicts (PyDict_MAXFREELIST), the PyDictObject only.
//  - dict keys: up to 80 key tables of the minimum size (log2 size 3, PyDict_LOG_MINSIZE) whose
//    keys are all str (DICT_KEYS_UNICODE).
//
// Invariants:
//  - Every list is a stack: the most recently freed object's memory (and so its id()) is the
//    next one handed out for that kind.
//  - A list never holds more than its cap, and holds only addresses given to `release`.
//  - Subclass instances never use a list: `exact` false always answers "pymalloc".

import { allocatorStatsLine } from './stats';

export type FreeListKind = 'float' | 'tuple' | 'list' | 'dict' | 'dictkeys';

export const PyFloat_MAXFREELIST = 100;
export const PyTuple_NFREELISTS = 20;
export const PyTuple_MAXFREELIST = 2000;
export const PyList_MAXFREELIST = 80;
export const PyDict_MAXFREELIST = 80;
export const PyDict_LOG_MINSIZE = 3;

/** What identifies a free list slot: the kind, and for tuples the length. */
export interface FreeListKey {
  kind: FreeListKind;
  /** Tuple length (tuple only). */
  length?: number;
  /** False for instances of subclasses (they never use a free list). Default true. */
  exact?: boolean;
  /** dict keys only: log2 of the table size. */
  log2Size?: number;
  /** dict keys only: all keys are str (DICT_KEYS_UNICODE). */
  unicode?: boolean;
}

/** sizeof of the object each list keeps, as _debugmallocstats reports it. */
export function freeListObjectSize(kind: FreeListKind, length = 0): number {
  switch (kind) {
    case 'float': return 24;
    case 'list': return 40;
    case 'dict': return 48;
    case 'tuple': return 24 + 8 * length;
    case 'dictkeys': return 0;
  }
}

export class FreeLists {
  // Public so the allocator's hot path (memory/heap.ts) can push and pop without a key object;
  // only `release`/`take` and the heap may change them.
  readonly floats: number[] = [];
  readonly lists: number[] = [];
  readonly dicts: number[] = [];
  readonly keys: number[] = [];
  /** tuples[n - 1]: the list of n-tuples. */
  readonly tuples: number[][] = Array.from({ length: PyTuple_NFREELISTS }, () => []);

  /** The stack a key uses and its cap, or null when that object never goes on a free list. */
  private slot(key: FreeListKey): [number[], number] | null {
    if (key.exact === false) return null;
    switch (key.kind) {
      case 'float': return [this.floats, PyFloat_MAXFREELIST];
      case 'list': return [this.lists, PyList_MAXFREELIST];
      case 'dict': return [this.dicts, PyDict_MAXFREELIST];
      case 'dictkeys':
        if (key.log2Size !== PyDict_LOG_MINSIZE || key.unicode !== true) return null;
        return [this.keys, PyDict_MAXFREELIST];
      case 'tuple': {
        const n = key.length ?? -1;
        if (!Number.isInteger(n) || n < 1 || n > PyTuple_NFREELISTS) return null;
        return [this.tuples[n - 1], PyTuple_MAXFREELIST];
      }
    }
  }

  /**
   * A dealloc: true when the object's memory stays on its free list (do not free it to
   * pymalloc), false when the caller must free it to the allocator.
   */
  release(key: FreeListKey, address: number): boolean {
    const s = this.slot(key);
    if (s === null || s[0].length >= s[1]) return false;
    s[0].push(address);
    return true;
  }

  /** An allocation: the address to reuse, or null when the caller must allocate from pymalloc. */
  take(key: FreeListKey): number | null {
    const s = this.slot(key);
    if (s === null || s[0].length === 0) return null;
    return s[0].pop()!;
  }

  /** Would `release` keep this object right now? */
  wouldKeep(key: FreeListKey): boolean {
    const s = this.slot(key);
    return s !== null && s[0].length < s[1];
  }

  /** Number of free objects on a list. */
  count(key: FreeListKey): number {
    const s = this.slot(key);
    return s === null ? 0 : s[0].length;
  }

  /** The addresses on a list, next to be reused first. */
  contents(key: FreeListKey): number[] {
    const s = this.slot(key);
    return s === null ? [] : [...s[0]].reverse();
  }

  /** The free-list lines of sys._debugmallocstats() (_PyObject_DebugTypeStats). */
  debugTypeStats(): string {
    let out = allocatorStatsLine('free PyDictObject', this.dicts.length, 48);
    out += allocatorStatsLine('free PyFloatObject', this.floats.length, 24);
    out += allocatorStatsLine('free PyListObject', this.lists.length, 40);
    for (let i = 0; i < PyTuple_NFREELISTS; i++) {
      out += allocatorStatsLine(`free ${i + 1}-sized PyTupleObject`, this.tuples[i].length, freeListObjectSize('tuple', i + 1));
    }
    return out;
  }

  /** Empty every list (PyGC's clear_freelists / interpreter shutdown); returns the addresses. */
  clear(): number[] {
    const out = [...this.floats, ...this.lists, ...this.dicts, ...this.keys, ...this.tuples.flat()];
    this.floats.length = this.lists.length = this.dicts.length = this.keys.length = 0;
    for (const t of this.tuples) t.length = 0;
    return out;
  }
}
