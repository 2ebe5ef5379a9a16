// The memory side of dict (Objects/dictobject.c, 3.11): the size and address of a dict's keys
// object, which CPython allocates separately from the PyDictObject. The dict's entries live in
// JS arrays (dict.ts); this file only replays CPython's sizing decisions so sys.getsizeof and
// the arena map see the same table CPython would have:
//  - an empty dict shares the static Py_EMPTY_KEYS (no allocation, log2 size 0 here);
//  - the first insert makes a table of 8 slots (PyDict_LOG_MINSIZE), "unicode" when the key is
//    an exact str (entries of 16 bytes instead of 24);
//  - an insert into a full table (dk_usable == 0), or of a non-str key into a unicode table,
//    resizes to calculate_log2_keysize(used * 3) (GROWTH_RATE), unicode only if it was and
//    the key is a str;
//  - deletions never give back usable slots; clear() returns to the empty keys.
//  - an instance `__dict__` of a plain class is a split table (DICT_KEYS_SPLIT): its keys are
//    the class's shared keys (`SharedKeys`, ht_cached_keys) and it owns only a values array of
//    nentries + usable of the shared keys (its size is read from the shared keys at sizeof
//    time, as _PyDict_SizeOf does). A new str key goes into the shared keys while they have
//    usable slots; any other insert (a non-str key, or no usable slot left) makes the dict a
//    combined table of calculate_log2_keysize(used * 3) slots, like insertion_resize.
// Invariant: `keysBlock` is 0 exactly when `dkLog2` is 0; a split dict has dkLog2 0.

import { allocBuffer, freeBuffer } from '../memory/heap';
import type { PyObject } from './pyobject';

export const PyDict_LOG_MINSIZE = 3;

/** The fields of PyDict this model owns. */
export interface DictKeysState extends PyObject {
  /** log2 of the table size; 0 for the shared empty keys. */
  dkLog2: number;
  /** Insertions left before a resize (dk_usable). */
  dkUsable: number;
  /** DK_IS_UNICODE: every key so far is an exact str. */
  dkUnicode: boolean;
  /** Address of the keys object, 0 for the shared empty keys. */
  keysBlock: number;
  /** Live entries (ma_used). */
  used: number;
  /** The class's shared keys while this dict is a split table, else null. */
  shared: SharedKeys | null;
}

/** SHARED_KEYS_MAX_SIZE: the usable slots a class's shared keys start with. */
const SHARED_KEYS_MAX_SIZE = 30;

/**
 * A class's cached shared keys (_PyDict_NewKeysForClass: 64 slots, usable set to 30). Only the
 * sizes are modelled: the names (dk_nentries) and dk_usable.
 */
export class SharedKeys {
  readonly names = new Set<string>();
  usable = SHARED_KEYS_MAX_SIZE;

  /** init_inline_values: every new instance takes one usable slot (while more than one is left). */
  instanceCreated(): void {
    if (this.usable > 1) this.usable--;
  }

  /** insert_into_dictkeys: false when `name` is new and no usable slot is left. */
  insert(name: string): boolean {
    if (this.names.has(name)) return true;
    if (this.usable <= 0) return false;
    this.names.add(name);
    this.usable--;
    return true;
  }

  /** shared_keys_usable_size: the values array length of a split dict. */
  valuesSize(): number {
    return this.names.size + this.usable;
  }
}

/** USABLE_FRACTION: 2/3 of the slots. */
function usableFraction(size: number): number {
  return Math.floor((size << 1) / 3);
}

/** calculate_log2_keysize. */
export function calculateLog2Keysize(minsize: number): number {
  const m = ((minsize | 8) - 1) | 7;
  return 32 - Math.clz32(m);
}

/** estimate_log2_keysize: the table _PyDict_NewPresized makes for `n` items. */
export function estimateLog2Keysize(n: number): number {
  return calculateLog2Keysize(Math.floor((n * 3 + 1) / 2));
}

/** Bytes of a keys object (sizeof(PyDictKeysObject) + indices + entries). */
export function keysObjectSize(log2: number, unicode: boolean): number {
  if (log2 === 0) return 0;
  const size = 2 ** log2;
  const indexBytes = log2 < 8 ? 1 : log2 < 16 ? 2 : log2 < 32 ? 4 : 8;
  return 32 + size * indexBytes + usableFraction(size) * (unicode ? 16 : 24);
}

function setKeys(d: DictKeysState, log2: number, unicode: boolean): void {
  freeBuffer(d.keysBlock);
  d.dkLog2 = log2;
  d.dkUnicode = unicode;
  d.dkUsable = log2 === 0 ? 0 : usableFraction(2 ** log2) - d.used;
  d.keysBlock = log2 === 0 ? 0 : allocBuffer(d, keysObjectSize(log2, unicode));
}

/** Before a new key goes in (d.used not yet counting it): insert_to_emptydict / insertion_resize. */
export function dictWillInsert(d: DictKeysState, keyIsStr: boolean, key: PyObject): void {
  if (d.dkLog2 < 0) return; // dict.ts compacting its arrays
  const shared = d.shared;
  if (shared !== null) {
    if (keyIsStr && shared.insert((key as PyObject & { value: string }).value)) return;
    // a split table that cannot take the key becomes a combined table of its own
    d.shared = null;
    setKeys(d, calculateLog2Keysize(d.used * 3), keyIsStr);
  } else if (d.dkLog2 === 0) {
    setKeys(d, PyDict_LOG_MINSIZE, keyIsStr);
  } else if (d.dkUnicode && !keyIsStr) {
    setKeys(d, calculateLog2Keysize(d.used * 3), false);
  } else if (d.dkUsable <= 0) {
    setKeys(d, calculateLog2Keysize(d.used * 3), d.dkUnicode);
  }
  d.dkUsable--;
}

/** _PyDict_NewPresized / dict_new_presized for `n` items (n > 5; smaller ones start empty). */
export function dictPresize(d: DictKeysState, n: number, unicode: boolean): void {
  if (n <= usableFraction(8)) return;
  setKeys(d, estimateLog2Keysize(n), unicode);
}

/** clear() and dealloc: back to the shared empty keys. */
export function dictDropKeys(d: DictKeysState): void {
  d.shared = null;
  freeBuffer(d.keysBlock);
  d.keysBlock = 0;
  d.dkLog2 = 0;
  d.dkUsable = 0;
  d.dkUnicode = true;
}

/** dict.__sizeof__ (without the GC header). */
export function dictSizeof(d: DictKeysState): number {
  // a split table's keys are the class's (counted in the class's __sizeof__)
  if (d.shared !== null) return 48 + 8 * d.shared.valuesSize();
  return 48 + keysObjectSize(d.dkLog2, d.dkUnicode);
}
