// The size bookkeeping of CPython 3.11's compact dict keys (Objects/dictobject.c), for
// sys.getsizeof(dict): which keys table a dict has after a given history of operations, for a
// VM that stores dicts in its own structure (a Map keeps insertion order just as well).
// dictTable.ts is the full model (with CPython's __eq__ calls) and shares the sizing helpers.
//
// Owns: dk_log2_size, dk_usable, dk_nentries, the keys kind (all-str "unicode" tables have
// 16-byte entries, general ones 24), the growth rule (GROWTH_RATE = used * 3), presizing of dict
// displays and merges (estimate_log2_keysize), the shared empty keys of `{}` and `clear()`, the
// fast clone of `copy()`, and _PyDict_SizeOf.
//
// Invariants: deleting never shrinks a table (only a later resize compacts it); `usable`
// counts down on every NEW key and never comes back on deletion; a general table never becomes
// unicode again. Split tables (instance __dict__ sharing keys with the class) are not modelled.

export const DICT_LOG_MINSIZE = 3;
const DICT_MINSIZE = 1 << DICT_LOG_MINSIZE;
/** sizeof(PyDictObject) + the 16-byte GC header sys.getsizeof adds. */
const DICT_OBJECT_SIZE = 48 + 16;
const KEYS_HEADER_SIZE = 32;

/** USABLE_FRACTION: at most 2/3 of the index slots hold entries. */
export function usableFraction(size: number): number {
  return Math.floor((size * 2) / 3);
}

function bitLength(n: number): number {
  return n === 0 ? 0 : 32 - Math.clz32(n);
}

/** 3.11's calculate_log2_keysize: `(minsize | 8) - 1`, then the bit length of that `| 7`. */
export function calculateLog2KeySize(minSize: number): number {
  const m = (minSize | DICT_MINSIZE) - 1;
  return bitLength(m | (DICT_MINSIZE - 1));
}

/** estimate_log2_keysize: a table that holds n entries without resizing. */
export function estimateLog2KeySize(n: number): number {
  return calculateLog2KeySize(Math.floor((n * 3 + 1) / 2));
}

/** Bytes of one index slot for a table of 2**log2Size slots. */
function indexBytes(log2Size: number): number {
  return log2Size < 8 ? 1 : log2Size < 16 ? 2 : log2Size < 32 ? 4 : 8;
}

export class DictKeysModel {
  /** 0 while the dict uses the shared empty keys object (`{}`, after clear()). */
  log2Size = 0;
  usable = 0;
  nentries = 0;
  used = 0;
  unicode = true;

  /** A new table of 2**log2Size slots, with the dict's current entries compacted into it. */
  private resize(log2Size: number, keepUnicode: boolean): void {
    this.unicode = this.unicode && keepUnicode;
    this.log2Size = log2Size;
    this.usable = usableFraction(1 << log2Size) - this.used;
    this.nentries = this.used;
  }

  private get isSharedEmpty(): boolean { return this.log2Size === 0; }

  /** dict_new_presized: what BUILD_MAP / BUILD_CONST_KEY_MAP of n items allocate. */
  static presized(n: number, allKeysAreStr: boolean): DictKeysModel {
    const d = new DictKeysModel();
    if (n <= usableFraction(DICT_MINSIZE)) return d;
    const log2 = n > usableFraction(1 << 17) ? 17 : estimateLog2KeySize(n);
    d.unicode = allKeysAreStr;
    d.resize(log2, allKeysAreStr);
    return d;
  }

  /** insertdict for a key: `isNewKey` tells whether it was absent; `keyIsExactStr` whether it is an exact str. */
  setItem(keyIsExactStr: boolean, isNewKey: boolean): void {
    if (this.isSharedEmpty) {
      // insert_to_emptydict: a fresh 8-slot table of the key's kind.
      this.unicode = keyIsExactStr;
      this.resize(DICT_LOG_MINSIZE, keyIsExactStr);
    } else if (this.unicode && !keyIsExactStr) {
      // A non-str key converts the table to general, resizing even if the key is already there.
      this.resize(calculateLog2KeySize(this.used * 3), false);
    }
    if (!isNewKey) return;
    if (this.usable <= 0) this.resize(calculateLog2KeySize(this.used * 3), true);
    this.usable--;
    this.nentries++;
    this.used++;
  }

  /** del d[k], d.pop(k), d.popitem(): the entry becomes a hole; nothing shrinks. */
  deleteItem(): void {
    this.used--;
  }

  /** dict.clear(): back to the shared empty keys. */
  clear(): void {
    this.log2Size = 0;
    this.usable = 0;
    this.nentries = 0;
    this.used = 0;
    this.unicode = true;
  }

  /** PyDict_Copy: a clone of the keys when at most a third are holes, else a merge into a new dict. */
  copy(): DictKeysModel {
    const d = new DictKeysModel();
    if (this.used === 0) return d;
    if (this.used >= Math.floor((this.nentries * 2) / 3)) {
      d.cloneFrom(this);
      return d;
    }
    d.update(this);
    return d;
  }

  private cloneFrom(other: DictKeysModel): void {
    this.log2Size = other.log2Size;
    this.usable = other.usable;
    this.nentries = other.nentries;
    this.used = other.used;
    this.unicode = other.unicode;
  }

  /**
   * dict_merge(self, other) with an exact dict: d.update(other), dict(other), {**other}.
   * `newKeysAreStr[i]` and `newKeyIsAbsent[i]` describe other's keys in order; without them all
   * of other's keys are assumed new and of other's kind.
   */
  update(other: DictKeysModel, keys?: readonly { isStr: boolean; isNew: boolean }[]): void {
    if (other === this || other.used === 0) return;
    if (this.used === 0 && other.used === other.nentries &&
        (other.log2Size === DICT_LOG_MINSIZE || usableFraction((1 << other.log2Size) / 2) < other.used)) {
      this.cloneFrom(other);
      return;
    }
    const size = this.isSharedEmpty ? 1 : 1 << this.log2Size;
    if (usableFraction(size) < other.used) {
      if (this.isSharedEmpty) this.unicode = other.unicode;
      this.resize(estimateLog2KeySize(this.used + other.used), other.unicode);
    }
    const entries = keys ?? Array.from({ length: other.used }, () => ({ isStr: other.unicode, isNew: true }));
    for (const k of entries) this.setItem(k.isStr, k.isNew);
  }

  /** sys.getsizeof(d) for a combined-table dict. */
  sizeof(): number {
    if (this.isSharedEmpty) return DICT_OBJECT_SIZE;
    const size = 1 << this.log2Size;
    const entrySize = this.unicode ? 16 : 24;
    return DICT_OBJECT_SIZE + KEYS_HEADER_SIZE + size * indexBytes(this.log2Size) + usableFraction(size) * entrySize;
  }
}
