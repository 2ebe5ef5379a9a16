// dict: insertion-ordered hash map (Objects/dictobject.c). Entries live in parallel arrays in
// insertion order (deleted slots become holes, compacted when they pile up), with two indexes:
// exact str keys by their text (the overwhelmingly common case: namespaces, attributes, kwargs)
// and every other key by its Python hash with equality checked through `__eq__`.
//
// Invariants: the dict owns one reference to each live key and value; `version` changes on
// every mutation (iterators use it to raise "dictionary changed size during iteration");
// a str key never appears in the hash index and vice versa, which is sound because str keys
// only compare equal to strs (subclasses with a custom __eq__ are a known gap).

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track, trackFreeListed, decref, FREELIST_DICT } from '../memory/heap';
import { gcSupport } from '../memory/gc/support';
import { PyStr, newStr, strType } from './str';
import { dictWillInsert, dictDropKeys, type SharedKeys } from './dictKeys';

/** Python-level hash and equality, injected by the abstract layer (avoids a load-time cycle). */
export const dictSupport = {
  hash: null as unknown as (key: PyObject) => number,
  equal: null as unknown as (a: PyObject, b: PyObject) => boolean,
};

export class PyDict extends PyObject {
  // `declare` + constructor assignments (as PyObject): every dict, instance dicts and kwargs
  // included, is built on V8's fast path, without a class-field initializer.
  declare keys: (PyObject | undefined)[];
  declare values: (PyObject | undefined)[];
  /** Exact str keys' text → entry index; made with the first str key (many dicts never get one). */
  private declare strIndex: Map<string, number> | null;
  private declare hashIndex: Map<number, number[]> | null;
  declare hashes: number[];
  declare used: number;
  declare version: number;
  /** The keys object CPython would have (objects/dictKeys.ts). */
  declare dkLog2: number;
  declare dkUsable: number;
  declare dkUnicode: boolean;
  declare keysBlock: number;
  /** A split table's shared keys (an instance __dict__ of a plain class), else null. */
  declare shared: SharedKeys | null;
  constructor(type: PyType) {
    super(type);
    this.keys = [];
    this.values = [];
    this.strIndex = null;
    this.hashIndex = null;
    this.hashes = [];
    this.used = 0;
    this.version = 0;
    this.dkLog2 = 0;
    this.dkUsable = 0;
    this.dkUnicode = true;
    this.keysBlock = 0;
    this.shared = null;
  }

  get size(): number {
    return this.used;
  }

  /** Index of `key`'s entry, or -1. May run Python `__eq__`/`__hash__`. */
  findIndex(key: PyObject, hash?: number): number {
    if (key instanceof PyStr) {
      const i = this.strIndex?.get(key.value);
      return i === undefined ? -1 : i;
    }
    if (this.hashIndex === null) {
      if (hash === undefined) dictSupport.hash(key); // unhashable keys must still raise
      return -1;
    }
    const h = hash ?? dictSupport.hash(key);
    const bucket = this.hashIndex.get(h);
    if (bucket === undefined) return -1;
    for (let j = 0; j < bucket.length; j++) {
      const i = bucket[j];
      const k = this.keys[i]!;
      if (k === key || dictSupport.equal(k, key)) return i;
    }
    return -1;
  }

  /** Borrowed value for `key`, or undefined. */
  get(key: PyObject): PyObject | undefined {
    const i = this.findIndex(key);
    return i < 0 ? undefined : this.values[i];
  }

  /** Borrowed value for an exact str key given as text (globals, attributes). */
  getStr(name: string): PyObject | undefined {
    const index = this.strIndex;
    if (index === null) return undefined;
    const i = index.get(name);
    return i === undefined ? undefined : this.values[i];
  }

  /** Store, taking new references to key and value. */
  set(key: PyObject, value: PyObject): void {
    const hash = key instanceof PyStr ? 0 : dictSupport.hash(key);
    const i = this.findIndex(key, hash);
    value.ob_refcnt++;
    // MAINTAIN_TRACKING: an untracked dict starts being tracked when it holds a container.
    if (this.gc_head === null && (value.ob_type.gcHeader || key.ob_type.gcHeader)) {
      gcSupport.dictStoredContainer(this, value.ob_type.gcHeader ? value : key);
    }
    if (i >= 0) {
      const old = this.values[i]!;
      this.values[i] = value;
      decref(old);
      return;
    }
    key.ob_refcnt++;
    this.append(key, value, hash);
  }

  setStr(name: string, value: PyObject, keyObj?: PyStr): void {
    const i = this.strIndex?.get(name);
    value.ob_refcnt++;
    if (this.gc_head === null && value.ob_type.gcHeader) gcSupport.dictStoredContainer(this, value);
    if (i !== undefined) {
      const old = this.values[i]!;
      this.values[i] = value;
      decref(old);
      return;
    }
    let key: PyObject;
    if (keyObj !== undefined) {
      key = keyObj;
      key.ob_refcnt++;
    } else {
      key = newStr(name);
    }
    this.append(key, value, 0);
  }

  private append(key: PyObject, value: PyObject, hash: number): void {
    dictWillInsert(this, key.ob_type === strType, key);
    const index = this.keys.length;
    this.keys.push(key);
    this.values.push(value);
    this.hashes.push(hash);
    if (key instanceof PyStr) (this.strIndex ??= new Map()).set(key.value, index);
    else {
      const hi = (this.hashIndex ??= new Map());
      const bucket = hi.get(hash);
      if (bucket === undefined) hi.set(hash, [index]);
      else bucket.push(index);
    }
    this.used++;
    this.version++;
  }

  /** Remove and return the (owned) key and value at entry i. */
  removeAt(i: number): [PyObject, PyObject] {
    const key = this.keys[i]!;
    const value = this.values[i]!;
    this.keys[i] = undefined;
    this.values[i] = undefined;
    if (key instanceof PyStr) this.strIndex!.delete(key.value);
    else {
      const bucket = this.hashIndex!.get(this.hashes[i])!;
      bucket.splice(bucket.indexOf(i), 1);
      if (bucket.length === 0) this.hashIndex!.delete(this.hashes[i]);
    }
    this.used--;
    this.version++;
    if (this.keys.length > 16 && this.used * 2 < this.keys.length) this.compact();
    return [key, value];
  }

  /** Delete `key`; false if absent. */
  delete(key: PyObject): boolean {
    const i = this.findIndex(key);
    if (i < 0) return false;
    const [k, v] = this.removeAt(i);
    decref(k);
    decref(v);
    return true;
  }

  clear(): void {
    const keys = this.keys, values = this.values;
    this.keys = [];
    this.values = [];
    this.hashes = [];
    this.strIndex = null;
    this.hashIndex = null;
    this.used = 0;
    this.version++;
    dictDropKeys(this);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] !== undefined) {
        decref(keys[i]!);
        decref(values[i]!);
      }
    }
  }

  /** dict_dealloc: release the entries in place (the dict is unreachable: no fresh tables needed). */
  releaseEntries(): void {
    const keys = this.keys, values = this.values;
    this.strIndex = null;
    this.hashIndex = null;
    this.used = 0;
    this.version++;
    dictDropKeys(this);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k !== undefined) {
        decref(k);
        decref(values[i]!);
      }
    }
    // fresh empty tables, as clear() leaves them (cheaper than truncating the old arrays)
    this.keys = [];
    this.values = [];
    this.hashes = [];
  }

  private compact(): void {
    const keys = this.keys, values = this.values, hashes = this.hashes;
    this.keys = [];
    this.values = [];
    this.hashes = [];
    this.strIndex = null;
    this.hashIndex = null;
    const used = this.used;
    this.used = 0;
    const v = this.version;
    // Compacting the JS arrays is not a CPython resize: keep the keys object as it is.
    const log2 = this.dkLog2, usable = this.dkUsable, unicode = this.dkUnicode;
    this.dkLog2 = -1; // dictWillInsert: not an insertion
    for (let i = 0; i < keys.length; i++) if (keys[i] !== undefined) this.append(keys[i]!, values[i]!, hashes[i]);
    this.dkLog2 = log2;
    this.dkUsable = usable;
    this.dkUnicode = unicode;
    this.used = used;
    this.version = v;
  }

  /** Live entries in order (borrowed). Snapshot: safe against mutation during the walk. */
  entries(): [PyObject, PyObject][] {
    const out: [PyObject, PyObject][] = [];
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== undefined) out.push([this.keys[i]!, this.values[i]!]);
    return out;
  }

  keyList(): PyObject[] {
    const out: PyObject[] = [];
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== undefined) out.push(this.keys[i]!);
    return out;
  }
}


export const dictType: PyType = makeStaticType('dict', undefined, { gcHeader: true, basicsize: 48 });
dictType.tp_dealloc = (obj) => {
  const d = obj as PyDict;
  d.releaseEntries();
  if (d.dict !== null) decref(d.dict);
};
dictType.newInstance = (type) => track(new PyDict(type), 48);
dictType.freeList = FREELIST_DICT;

export function newDict(): PyDict {
  return trackFreeListed(new PyDict(dictType), 48);
}

export function isDict(o: PyObject): o is PyDict {
  return o instanceof PyDict;
}
