// CPython 3.11's set hash table (Objects/setobject.c), generic over the keys.
//
// Owns: the open-addressing table of set/frozenset — slot layout, probing (LINEAR_PROBES = 9 then
// perturbed jumps), fill/used accounting, dummy slots left by deletion, resizing, the pop finger,
// and the order-defining algorithms of the set operations (copy, update, union, intersection,
// difference, symmetric difference and their in-place forms). Iteration is table order, so
// `list(s)`, `print(s)` and `s.pop()` produce CPython's order as long as the caller supplies
// CPython's hashes (runtime/src/hashing/hash.ts).
//
// Invariants:
// - `fill` = active + dummy slots, `used` = active slots; an empty slot has no key, a dummy slot
//   keeps hash -1 (never a real hash). The table always has an empty slot, so probing ends.
// - The caller provides equality; it may run Python code (`__eq__`), which may mutate this very
//   set: a lookup then restarts exactly where CPython's would. Identity (`===`) short-circuits
//   equality, as CPython's pointer comparison does.
// - Keys are opaque: this module never inspects, copies or refcounts them.

import { type PyHash } from './hash';

export const SET_MINSIZE = 8;
export const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5;

const EMPTY: unique symbol = Symbol('empty');
const DUMMY: unique symbol = Symbol('dummy');
type Slot<K> = K | typeof EMPTY | typeof DUMMY;

/** Equality of two keys with equal hashes (PyObject_RichCompareBool(stored, key, Py_EQ)). May throw. */
export type KeyEquals<K> = (stored: K, key: K) => boolean;

function low32(h: PyHash): number {
  return typeof h === 'number' ? h >>> 0 : Number(BigInt.asUintN(32, h));
}

function high32(h: PyHash): number {
  return typeof h === 'number' ? Math.floor(h / 4294967296) >>> 0 : Number(BigInt.asUintN(32, h >> 32n));
}

/** Probe state: the unsigned 64-bit `perturb` as two 32-bit halves. */
interface Perturb { lo: number; hi: number }

function startPerturb(h: PyHash): Perturb {
  return { lo: low32(h), hi: high32(h) };
}

/** perturb >>= 5; i = (i * 5 + 1 + perturb) & mask. Only the low 32 bits of perturb reach the mask. */
function nextProbe(i: number, p: Perturb, mask: number): number {
  p.lo = ((p.lo >>> PERTURB_SHIFT) | (p.hi << (32 - PERTURB_SHIFT))) >>> 0;
  p.hi = p.hi >>> PERTURB_SHIFT;
  return (i * 5 + 1 + p.lo) & mask;
}

export class SetTable<K> {
  private keys: Slot<K>[];
  private hashes: PyHash[];
  private maskValue = SET_MINSIZE - 1;
  private fillValue = 0;
  private usedValue = 0;
  /** Where set.pop() starts looking (so->finger); survives clear(), as in CPython. */
  private finger = 0;

  constructor(private readonly equals: KeyEquals<K>) {
    this.keys = new Array<Slot<K>>(SET_MINSIZE).fill(EMPTY);
    this.hashes = new Array<PyHash>(SET_MINSIZE).fill(0);
  }

  /** len(s) */
  get size(): number { return this.usedValue; }
  /** Active plus dummy slots. */
  get fill(): number { return this.fillValue; }
  /** Table size minus one (so->mask); the table has mask + 1 slots. */
  get mask(): number { return this.maskValue; }
  /** True while the table is the inline 8-slot smalltable (matters for sys.getsizeof). */
  get isSmallTable(): boolean { return this.maskValue === SET_MINSIZE - 1; }

  /**
   * sys.getsizeof of a set or frozenset with this table: the 200-byte object (its 8-entry
   * smalltable included) plus the 16-byte GC header, plus 16 bytes a slot for a larger table.
   */
  sizeof(): number {
    return 216 + (this.isSmallTable ? 0 : (this.maskValue + 1) * 16);
  }

  // ---- lookup and mutation ------------------------------------------------------------------

  /** set_lookkey: index of the slot holding an equal key, or -1. */
  private findIndex(key: K, hash: PyHash): number {
    restart: for (;;) {
      const mask = this.maskValue;
      const perturb = startPerturb(hash);
      let i = perturb.lo & mask;
      for (;;) {
        let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        let j = i;
        do {
          const stored = this.keys[j];
          if (stored === EMPTY) return -1;
          if (stored !== DUMMY && this.hashes[j] === hash) {
            if (stored === key) return j;
            const table = this.keys;
            const equal = this.equals(stored, key);
            if (table !== this.keys || this.keys[j] !== stored) continue restart;
            if (equal) return j;
          }
          j++;
        } while (probes-- > 0);
        i = nextProbe(i, perturb, mask);
      }
    }
  }

  /** `key in s` */
  has(key: K, hash: PyHash): boolean {
    return this.findIndex(key, hash) >= 0;
  }

  /** The stored key equal to `key` (the object a set would keep), or undefined. */
  get(key: K, hash: PyHash): K | undefined {
    const i = this.findIndex(key, hash);
    return i >= 0 ? (this.keys[i] as K) : undefined;
  }

  /** set_add_entry: s.add(key). Returns true if the key was not present. */
  add(key: K, hash: PyHash): boolean {
    restart: for (;;) {
      const mask = this.maskValue;
      const perturb = startPerturb(hash);
      let i = perturb.lo & mask;
      let freeSlot = -1;
      for (;;) {
        let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        let j = i;
        do {
          const stored = this.keys[j];
          if (stored === EMPTY) {
            if (freeSlot >= 0) {
              // The LAST dummy seen on the way is reused (verified against 3.11 slot layouts);
              // fill is unchanged, so there is no resize check.
              this.keys[freeSlot] = key;
              this.hashes[freeSlot] = hash;
              this.usedValue++;
              return true;
            }
            this.keys[j] = key;
            this.hashes[j] = hash;
            this.fillValue++;
            this.usedValue++;
            if (this.fillValue * 5 >= mask * 3) {
              this.resize(this.usedValue > 50000 ? this.usedValue * 2 : this.usedValue * 4);
            }
            return true;
          }
          if (stored === DUMMY) {
            freeSlot = j;
          } else if (this.hashes[j] === hash) {
            if (stored === key) return false;
            const table = this.keys;
            const equal = this.equals(stored, key);
            if (table !== this.keys || this.keys[j] !== stored) continue restart;
            if (equal) return false;
          }
          j++;
        } while (probes-- > 0);
        i = nextProbe(i, perturb, mask);
      }
    }
  }

  /** set_discard_entry: s.discard(key). Returns true if the key was present. */
  discard(key: K, hash: PyHash): boolean {
    const i = this.findIndex(key, hash);
    if (i < 0) return false;
    this.keys[i] = DUMMY;
    this.hashes[i] = -1;
    this.usedValue--;
    return true;
  }

  /** set.pop(): the first active slot from the finger on, or undefined if empty (the VM raises KeyError). */
  pop(): K | undefined {
    if (this.usedValue === 0) return undefined;
    const mask = this.maskValue;
    let i = this.finger & mask;
    while (this.keys[i] === EMPTY || this.keys[i] === DUMMY) {
      i++;
      if (i > mask) i = 0;
    }
    const key = this.keys[i] as K;
    this.keys[i] = DUMMY;
    this.hashes[i] = -1;
    this.usedValue--;
    this.finger = i + 1;
    return key;
  }

  /** set_clear_internal: back to an empty 8-slot table (the finger is kept). */
  clear(): void {
    this.keys = new Array<Slot<K>>(SET_MINSIZE).fill(EMPTY);
    this.hashes = new Array<PyHash>(SET_MINSIZE).fill(0);
    this.maskValue = SET_MINSIZE - 1;
    this.fillValue = 0;
    this.usedValue = 0;
  }

  /** set_insert_clean: place a key known to be absent into a table without dummies. */
  private static insertClean<K>(keys: Slot<K>[], hashes: PyHash[], mask: number, key: K, hash: PyHash): void {
    const perturb = startPerturb(hash);
    let i = perturb.lo & mask;
    for (;;) {
      if (keys[i] === EMPTY) break;
      if (i + LINEAR_PROBES <= mask) {
        let found = false;
        for (let j = 1; j <= LINEAR_PROBES; j++) {
          if (keys[i + j] === EMPTY) { i += j; found = true; break; }
        }
        if (found) break;
      }
      i = nextProbe(i, perturb, mask);
    }
    keys[i] = key;
    hashes[i] = hash;
  }

  /** set_table_resize: the smallest power of two > minUsed (at least 8), re-inserting in table order. */
  private resize(minUsed: number): void {
    let newSize = SET_MINSIZE;
    while (newSize <= minUsed) newSize *= 2;
    // Shrinking to the smalltable that is already in use with no dummies is a no-op in CPython.
    if (newSize === SET_MINSIZE && this.maskValue === SET_MINSIZE - 1 && this.fillValue === this.usedValue) return;
    const oldKeys = this.keys;
    const oldHashes = this.hashes;
    const keys = new Array<Slot<K>>(newSize).fill(EMPTY);
    const hashes = new Array<PyHash>(newSize).fill(0);
    const mask = newSize - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i];
      if (k !== EMPTY && k !== DUMMY) SetTable.insertClean(keys, hashes, mask, k, oldHashes[i]);
    }
    this.keys = keys;
    this.hashes = hashes;
    this.maskValue = mask;
    this.fillValue = this.usedValue;
  }

  // ---- iteration ----------------------------------------------------------------------------

  /** Keys in table order (iter(s), list(s), repr(s)). */
  *[Symbol.iterator](): IterableIterator<K> {
    for (let i = 0; i < this.keys.length; i++) {
      const k = this.keys[i];
      if (k !== EMPTY && k !== DUMMY) yield k;
    }
  }

  /** Keys and their hashes in table order. */
  *entries(): IterableIterator<[K, PyHash]> {
    for (let i = 0; i < this.keys.length; i++) {
      const k = this.keys[i];
      if (k !== EMPTY && k !== DUMMY) yield [k, this.hashes[i]];
    }
  }

  /** Keys in table order, as an array. */
  toArray(): K[] {
    return [...this];
  }

  /**
   * The raw slot at `index` for a set iterator (setiter_iternext walks slots and checks that the
   * size did not change): 'empty', 'dummy' or the key.
   */
  slotAt(index: number): { state: 'empty' | 'dummy' } | { state: 'active'; key: K; hash: PyHash } {
    const k = this.keys[index];
    if (k === EMPTY) return { state: 'empty' };
    if (k === DUMMY) return { state: 'dummy' };
    return { state: 'active', key: k, hash: this.hashes[index] };
  }

  // ---- bulk operations, in CPython's exact algorithms ------------------------------------------

  /** set_merge: s.update(other) / s |= other where other is a set or frozenset. */
  mergeSet(other: SetTable<K>): void {
    if (other === this || other.usedValue === 0) return;
    if ((this.fillValue + other.usedValue) * 5 >= this.maskValue * 3) {
      this.resize((this.usedValue + other.usedValue) * 2);
    }
    if (this.fillValue === 0 && this.maskValue === other.maskValue && other.fillValue === other.usedValue) {
      // Same size, no dummies: CPython copies the slots one for one.
      this.keys = other.keys.slice();
      this.hashes = other.hashes.slice();
      this.fillValue = other.fillValue;
      this.usedValue = other.usedValue;
      return;
    }
    if (this.fillValue === 0) {
      for (const [k, h] of other.entries()) SetTable.insertClean(this.keys, this.hashes, this.maskValue, k, h);
      this.fillValue = other.usedValue;
      this.usedValue = other.usedValue;
      return;
    }
    for (const [k, h] of other.entries()) this.add(k, h);
  }

  /**
   * set_update_internal for an exact dict: one resize up front for the dict's size, then the keys
   * in dict order with the dict's stored hashes.
   */
  mergeDictKeys(keysWithHashes: readonly (readonly [K, PyHash])[]): void {
    const n = keysWithHashes.length;
    if ((this.fillValue + n) * 5 >= this.maskValue * 3) this.resize((this.usedValue + n) * 2);
    for (const [k, h] of keysWithHashes) this.add(k, h);
  }

  /** set_update_internal for any other iterable: add one by one. */
  addAll(keysWithHashes: Iterable<readonly [K, PyHash]>): void {
    for (const [k, h] of keysWithHashes) this.add(k, h);
  }

  /** set(iterable) for any iterable but a set or dict: the items added one by one. */
  static fromItems<K>(equals: KeyEquals<K>, items: Iterable<readonly [K, PyHash]>): SetTable<K> {
    const result = new SetTable<K>(equals);
    result.addAll(items);
    return result;
  }

  /** set(d) for an exact dict: presized for the dict, then its keys in dict order. */
  static fromDictKeys<K>(equals: KeyEquals<K>, keys: readonly (readonly [K, PyHash])[]): SetTable<K> {
    const result = new SetTable<K>(equals);
    result.mergeDictKeys(keys);
    return result;
  }

  /** set_copy / set(s) / frozenset(s) of a set: a new empty table merged from this one. */
  copy(): SetTable<K> {
    const result = new SetTable<K>(this.equals);
    result.mergeSet(this);
    return result;
  }

  /** set_or / s.union(other): copy, then merge. */
  union(other: SetTable<K>): SetTable<K> {
    const result = this.copy();
    result.mergeSet(other);
    return result;
  }

  /** set_intersection with a set: iterate the smaller (other on ties), add the common keys. */
  intersection(other: SetTable<K>): SetTable<K> {
    if (other === this) return this.copy();
    const result = new SetTable<K>(this.equals);
    let big: SetTable<K> = this;
    let small: SetTable<K> = other;
    if (other.usedValue > this.usedValue) { big = other; small = this; }
    for (const [k, h] of small.entries()) {
      if (big.has(k, h)) result.add(k, h);
    }
    return result;
  }

  /** set_intersection over a non-set iterable: keep the keys of `items` found in this set, in item order. */
  intersectionWithItems(items: Iterable<readonly [K, PyHash]>): SetTable<K> {
    const result = new SetTable<K>(this.equals);
    for (const [k, h] of items) {
      if (this.has(k, h)) result.add(k, h);
    }
    return result;
  }

  /** set_intersection_update (s &= other): the body of the intersection replaces this table. */
  intersectionUpdate(other: SetTable<K>): void {
    this.takeBody(this.intersection(other));
  }

  /** set_intersection_update over a non-set iterable. */
  intersectionUpdateWithItems(items: Iterable<readonly [K, PyHash]>): void {
    this.takeBody(this.intersectionWithItems(items));
  }

  /** set_swap_bodies with a table that is dropped afterwards: this takes over its slots. */
  takeBody(other: SetTable<K>): void {
    this.keys = other.keys;
    this.hashes = other.hashes;
    this.maskValue = other.maskValue;
    this.fillValue = other.fillValue;
    this.usedValue = other.usedValue;
  }

  /** set_difference (s - other) with a set: copy-then-remove when this is over 4 times larger, else filter. */
  difference(other: SetTable<K>): SetTable<K> {
    if ((this.usedValue >> 2) > other.usedValue) {
      const result = this.copy();
      result.differenceUpdate(other);
      return result;
    }
    const result = new SetTable<K>(this.equals);
    for (const [k, h] of this.entries()) {
      if (!other.has(k, h)) result.add(k, h);
    }
    return result;
  }

  /** set_difference_update_internal (s -= other, s.difference_update(other)) with a set. */
  differenceUpdate(other: SetTable<K>): void {
    if (other === this) { this.clear(); return; }
    // When other is more than 8 times larger, CPython iterates the intersection instead.
    const source = (other.usedValue >> 3) > this.usedValue ? this.intersection(other) : other;
    for (const [k, h] of [...source.entries()]) this.discard(k, h);
    this.shrinkIfMostlyDummies();
  }

  /** set_difference_update_internal with a non-set iterable: discard each item, then the same cleanup. */
  differenceUpdateWithItems(items: Iterable<readonly [K, PyHash]>): void {
    for (const [k, h] of items) this.discard(k, h);
    this.shrinkIfMostlyDummies();
  }

  private shrinkIfMostlyDummies(): void {
    if (this.fillValue - this.usedValue <= Math.floor(this.maskValue / 4)) return;
    this.resize(this.usedValue > 50000 ? this.usedValue * 2 : this.usedValue * 4);
  }

  /**
   * set_difference with an exact dict (s.difference(d)): copy-then-discard when this is over 4
   * times larger than the dict, else keep the keys the dict lacks.
   */
  differenceWithDict(dictKeys: readonly (readonly [K, PyHash])[], dictHas: (key: K, hash: PyHash) => boolean): SetTable<K> {
    if ((this.usedValue >> 2) > dictKeys.length) {
      const result = this.copy();
      result.differenceUpdateWithItems(dictKeys);
      return result;
    }
    const result = new SetTable<K>(this.equals);
    for (const [k, h] of this.entries()) {
      if (!dictHas(k, h)) result.add(k, h);
    }
    return result;
  }

  /** set_difference with any other iterable (s.difference(list)): copy, then discard each item. */
  differenceWithItems(items: Iterable<readonly [K, PyHash]>): SetTable<K> {
    const result = this.copy();
    result.differenceUpdateWithItems(items);
    return result;
  }

  /** s.symmetric_difference_update(d) for an exact dict: toggle the keys in dict order. */
  symmetricDifferenceUpdateWithDict(dictKeys: Iterable<readonly [K, PyHash]>): void {
    for (const [k, h] of dictKeys) {
      if (!this.discard(k, h)) this.add(k, h);
    }
  }

  /**
   * s.symmetric_difference_update(iterable) for any other iterable: CPython first builds a set
   * from it, so the toggles happen in THAT set's table order.
   */
  symmetricDifferenceUpdateWithItems(items: Iterable<readonly [K, PyHash]>): void {
    this.symmetricDifferenceUpdate(SetTable.fromItems(this.equals, items));
  }

  /** set_symmetric_difference_update (s ^= other) with a set: toggle each key of other. */
  symmetricDifferenceUpdate(other: SetTable<K>): void {
    if (other === this) { this.clear(); return; }
    for (const [k, h] of [...other.entries()]) {
      if (!this.discard(k, h)) this.add(k, h);
    }
  }

  /**
   * set_symmetric_difference (s ^ other): a copy of OTHER, updated with this set. For
   * s.symmetric_difference(iterable), pass the set CPython builds from the iterable
   * (fromItems / fromDictKeys), which is then updated in place.
   */
  symmetricDifference(other: SetTable<K>): SetTable<K> {
    const result = other.copy();
    result.symmetricDifferenceUpdate(this);
    return result;
  }
}
