// CPython 3.11's compact dict (Objects/dictobject.c), generic over keys and values.
//
// Owns: the index table (2**log2 slots holding entry numbers, EMPTY or DUMMY) over an entry
// array kept in insertion order; probing (i = (i * 5 + perturb + 1) & mask, perturb >>= 5, no
// linear probes), which decides exactly when and on which stored keys __eq__ runs; reuse of
// DUMMY index slots on insertion; holes left in the entry array by deletion; popitem's
// shrinking of dk_nentries; the shared empty keys of `{}` and clear(); resizing (GROWTH_RATE =
// used * 3, calculate_log2_keysize), the unicode → general conversion, presizing of displays and
// merges, copy()'s clone fast path, dict_merge, and sys.getsizeof.
//
// Invariants: iteration order is entry order (insertion order, holes skipped), so values are
// what a Map would give; what this adds is CPython's equality calls and sizes. `equals` runs
// PyObject_RichCompareBool(stored, key) semantics and may mutate the dict: a lookup then
// restarts like CPython's (DKIX_KEY_CHANGED). Split tables (instance dicts) are not modelled.

import { type PyHash } from './hash';
import { calculateLog2KeySize, estimateLog2KeySize, usableFraction, DICT_LOG_MINSIZE } from './dictKeys';
import { type KeyEquals } from './setTable';

const EMPTY = -1;
const DUMMY = -2;
const PERTURB_SHIFT = 5;

interface Entry<K, V> {
  key: K;
  hash: PyHash;
  value: V;
}

function low32(h: PyHash): number {
  return typeof h === 'number' ? h >>> 0 : Number(BigInt.asUintN(32, h));
}

function high32(h: PyHash): number {
  return typeof h === 'number' ? Math.floor(h / 4294967296) >>> 0 : Number(BigInt.asUintN(32, h >> 32n));
}

/** The keys object: indices plus entries. log2Size 0 stands for the shared empty keys. */
class Keys<K, V> {
  indices: Int32Array;
  entries: (Entry<K, V> | null)[] = [];
  usable: number;
  constructor(readonly log2Size: number, public unicode: boolean) {
    this.indices = new Int32Array(log2Size === 0 ? 1 : 1 << log2Size).fill(EMPTY);
    this.usable = log2Size === 0 ? 0 : usableFraction(1 << log2Size);
  }
  get mask(): number { return this.indices.length - 1; }
  get nentries(): number { return this.entries.length; }
}

/** Probe walk over the index table for `hash`, calling visit(slot) until it returns true. */
function probe(mask: number, hash: PyHash, visit: (slot: number) => boolean): number {
  let pLo = low32(hash);
  let pHi = high32(hash);
  let i = pLo & mask;
  for (;;) {
    if (visit(i)) return i;
    pLo = ((pLo >>> PERTURB_SHIFT) | (pHi << (32 - PERTURB_SHIFT))) >>> 0;
    pHi >>>= PERTURB_SHIFT;
    i = (i * 5 + pLo + 1) & mask;
  }
}

export class DictTable<K, V> {
  private keys: Keys<K, V> = new Keys<K, V>(0, true);
  private used = 0;

  constructor(private readonly equals: KeyEquals<K>) {}

  /** dict_new_presized (BUILD_MAP / BUILD_CONST_KEY_MAP of n items, _PyDict_NewPresized). */
  static presized<K, V>(equals: KeyEquals<K>, n: number, allKeysAreStr: boolean): DictTable<K, V> {
    const d = new DictTable<K, V>(equals);
    if (n <= usableFraction(1 << DICT_LOG_MINSIZE)) return d;
    const log2 = n > usableFraction(1 << 17) ? 17 : estimateLog2KeySize(n);
    d.keys = new Keys<K, V>(log2, allKeysAreStr);
    return d;
  }

  /** len(d) */
  get size(): number { return this.used; }
  /** dk_log2_size (0 for the shared empty keys). */
  get log2Size(): number { return this.keys.log2Size; }
  /** Whether all keys are exact strs (DICT_KEYS_UNICODE: 16-byte entries). */
  get isUnicodeKeys(): boolean { return this.keys.unicode; }

  /** _Py_dict_lookup: the entry number of an equal key, or -1. Restarts when __eq__ mutated the dict. */
  private lookup(key: K, hash: PyHash): number {
    for (;;) {
      const keys = this.keys;
      if (keys.log2Size === 0) return -1;
      let result = -1;
      let changed = false;
      probe(keys.mask, hash, (slot) => {
        const ix = keys.indices[slot];
        if (ix === EMPTY) return true;
        if (ix >= 0) {
          const entry = keys.entries[ix]!;
          if (entry.key === key) { result = ix; return true; }
          if (entry.hash === hash) {
            const startKey = entry.key;
            const equal = this.equals(startKey, key);
            if (this.keys !== keys || keys.entries[ix]?.key !== startKey) { changed = true; return true; }
            if (equal) { result = ix; return true; }
          }
        }
        return false;
      });
      if (!changed) return result;
    }
  }

  /** The index slot that holds entry number `ix` (lookdict_index: no comparisons). */
  private indexSlotOf(hash: PyHash, ix: number): number {
    const keys = this.keys;
    return probe(keys.mask, hash, (slot) => keys.indices[slot] === ix);
  }

  /** `key in d` */
  has(key: K, hash: PyHash): boolean {
    return this.lookup(key, hash) >= 0;
  }

  /** d.get(key): the entry, or undefined when absent. */
  getEntry(key: K, hash: PyHash): { key: K; value: V } | undefined {
    const ix = this.lookup(key, hash);
    if (ix < 0) return undefined;
    const entry = this.keys.entries[ix]!;
    return { key: entry.key, value: entry.value };
  }

  /** dictresize: a table of 2**log2 slots with the live entries compacted in order. */
  private resize(log2: number, unicode: boolean): void {
    const old = this.keys;
    const keys = new Keys<K, V>(log2, old.unicode && unicode);
    for (const entry of old.entries) if (entry) keys.entries.push(entry);
    const mask = keys.mask;
    keys.entries.forEach((entry, ix) => {
      const slot = probe(mask, entry!.hash, (s) => keys.indices[s] === EMPTY);
      keys.indices[slot] = ix;
    });
    keys.usable -= keys.entries.length;
    this.keys = keys;
  }

  /** insertdict: d[key] = value. `keyIsExactStr` tells whether key is an exact str. Returns true if the key was new. */
  set(key: K, hash: PyHash, value: V, keyIsExactStr: boolean): boolean {
    if (this.keys.log2Size === 0) {
      // insert_to_emptydict: a fresh 8-slot table of the key's kind, no comparisons.
      const keys = new Keys<K, V>(DICT_LOG_MINSIZE, keyIsExactStr);
      keys.indices[low32(hash) & keys.mask] = 0;
      keys.entries.push({ key, hash, value });
      keys.usable--;
      this.keys = keys;
      this.used = 1;
      return true;
    }
    if (this.keys.unicode && !keyIsExactStr) this.resize(calculateLog2KeySize(this.used * 3), false);
    const ix = this.lookup(key, hash);
    if (ix >= 0) {
      this.keys.entries[ix]!.value = value;
      return false;
    }
    this.insertNew(key, hash, value);
    return true;
  }

  /** The insertion half of insertdict, once the lookup found nothing: find_empty_slot reuses DUMMY slots. */
  private insertNew(key: K, hash: PyHash, value: V): void {
    if (this.keys.usable <= 0) this.resize(calculateLog2KeySize(this.used * 3), true);
    const keys = this.keys;
    const slot = probe(keys.mask, hash, (s) => keys.indices[s] < 0);
    keys.indices[slot] = keys.entries.length;
    keys.entries.push({ key, hash, value });
    keys.usable--;
    this.used++;
  }

  /** d.setdefault(key, value): one lookup, then the stored value or the inserted one. */
  setDefault(key: K, hash: PyHash, value: V, keyIsExactStr: boolean): V {
    if (this.keys.log2Size === 0) {
      this.set(key, hash, value, keyIsExactStr);
      return value;
    }
    if (this.keys.unicode && !keyIsExactStr) this.resize(calculateLog2KeySize(this.used * 3), false);
    const ix = this.lookup(key, hash);
    if (ix >= 0) return this.keys.entries[ix]!.value;
    this.insertNew(key, hash, value);
    return value;
  }

  /** del d[key] / d.pop(key): the removed entry, or undefined (the VM raises KeyError). */
  delete(key: K, hash: PyHash): { key: K; value: V } | undefined {
    const ix = this.lookup(key, hash);
    if (ix < 0) return undefined;
    const keys = this.keys;
    const entry = keys.entries[ix]!;
    keys.indices[this.indexSlotOf(entry.hash, ix)] = DUMMY;
    keys.entries[ix] = null;
    this.used--;
    return { key: entry.key, value: entry.value };
  }

  /** d.popitem(): the last entry (LIFO), or undefined when empty (the VM raises KeyError). */
  popitem(): { key: K; value: V } | undefined {
    if (this.used === 0) return undefined;
    const keys = this.keys;
    let i = keys.entries.length - 1;
    while (i >= 0 && keys.entries[i] === null) i--;
    const entry = keys.entries[i]!;
    keys.indices[this.indexSlotOf(entry.hash, i)] = DUMMY;
    // dk_nentries drops to i: the trailing holes and this entry are gone for good.
    keys.entries.length = i;
    this.used--;
    return { key: entry.key, value: entry.value };
  }

  /** d.clear(): back to the shared empty keys. */
  clear(): void {
    this.keys = new Keys<K, V>(0, true);
    this.used = 0;
  }

  /** Live entries in order (iteration, keys(), values(), items(), repr). */
  *entries(): IterableIterator<[K, V, PyHash]> {
    for (const entry of this.keys.entries) if (entry) yield [entry.key, entry.value, entry.hash];
  }

  /** PyDict_Copy: clone the keys when at most a third are holes, else merge into a new dict. */
  copy(): DictTable<K, V> {
    const d = new DictTable<K, V>(this.equals);
    if (this.used === 0) return d;
    if (this.used >= Math.floor((this.keys.nentries * 2) / 3)) {
      d.cloneFrom(this);
      return d;
    }
    d.update(this);
    return d;
  }

  private cloneFrom(other: DictTable<K, V>): void {
    const source = other.keys;
    const keys = new Keys<K, V>(source.log2Size, source.unicode);
    keys.indices.set(source.indices);
    keys.entries = source.entries.map((e) => (e ? { ...e } : null));
    keys.usable = source.usable;
    this.keys = keys;
    this.used = other.used;
  }

  /**
   * dict_merge(self, other) for an exact dict other (d.update(other), dict(other), {**other}):
   * clone into an empty dict when other is compact, else one resize up front and the entries
   * inserted in order. `isExactStr` classifies other's keys.
   */
  update(other: DictTable<K, V>, isExactStr: (key: K) => boolean = () => other.keys.unicode): void {
    if (other === this || other.used === 0) return;
    const otherKeys = other.keys;
    if (this.used === 0 && other.used === otherKeys.nentries &&
        (otherKeys.log2Size === DICT_LOG_MINSIZE || usableFraction((1 << otherKeys.log2Size) / 2) < other.used)) {
      this.cloneFrom(other);
      return;
    }
    const size = this.keys.log2Size === 0 ? 1 : 1 << this.keys.log2Size;
    if (usableFraction(size) < other.used) {
      if (this.keys.log2Size === 0) this.keys.unicode = otherKeys.unicode;
      this.resize(estimateLog2KeySize(this.used + other.used), otherKeys.unicode);
    }
    for (const [key, value, hash] of [...other.entries()]) this.set(key, hash, value, isExactStr(key));
  }

  /**
   * The up-front resize dict.fromkeys does when its target is a new empty dict and the source
   * is an exact dict (unicode: the source's kind) or set (unicode false).
   */
  presizeFor(count: number, unicode: boolean): void {
    if (this.keys.log2Size === 0) this.keys.unicode = unicode;
    this.resize(estimateLog2KeySize(count), unicode);
  }

  /** sys.getsizeof(d): object and GC header, plus the keys object unless shared. */
  sizeof(): number {
    const keys = this.keys;
    if (keys.log2Size === 0) return 64;
    const size = 1 << keys.log2Size;
    const indexBytes = keys.log2Size < 8 ? 1 : keys.log2Size < 16 ? 2 : keys.log2Size < 32 ? 4 : 8;
    return 64 + 32 + size * indexBytes + usableFraction(size) * (keys.unicode ? 16 : 24);
  }
}
