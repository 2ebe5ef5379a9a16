// set and frozenset (Objects/setobject.c). Storage is CPython's open-addressing set table
// (runtime/src/hashing/setTable.ts) keyed by CPython's exact hashes, so iteration order, pop()
// and resizing follow CPython. The set owns one reference to each member: the bulk operations
// (merge, difference and intersection updates) run the table's own algorithms, so the table
// size and order stay CPython's, and settle the references afterwards.

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track, decref } from '../memory/heap';
import { dictSupport } from './dict';
import { SetTable } from '../hashing/setTable';
import type { PyHash } from '../hashing/hash';

/** Set members with refcounting over the hashing room's SetTable; the API the set methods use. */
export class SetStorage {
  private t = new SetTable<PyObject>((stored, key) => dictSupport.equal(stored, key));
  /** Add `key` (the second argument is ignored: sets have no values). */
  set(key: PyObject, _value?: PyObject): void {
    if (this.t.add(key, setSupport.hashFull(key))) key.ob_refcnt++;
  }
  delete(key: PyObject): boolean {
    const h = setSupport.hashFull(key);
    const stored = this.t.get(key, h);
    if (stored === undefined) return false;
    this.t.discard(key, h);
    decref(stored);
    return true;
  }
  findIndex(key: PyObject): number {
    return this.t.has(key, setSupport.hashFull(key)) ? 0 : -1;
  }
  clear(): void {
    const items = this.t.toArray();
    this.t.clear();
    for (const x of items) decref(x);
  }
  /** set.pop(): CPython's finger walk. Returns an owned reference. */
  pop(): PyObject | undefined {
    return this.t.pop();
  }
  get used(): number {
    return this.t.size;
  }
  keyList(): PyObject[] {
    return this.t.toArray();
  }
  sizeof(): number {
    return this.t.sizeof();
  }

  /** set_update_internal with a set or frozenset: set_merge (one resize to 2 * (used + other)). */
  merge(other: SetStorage): void {
    const before = new Set(this.t.toArray());
    this.t.mergeSet(other.t);
    for (const k of this.t.toArray()) if (!before.has(k)) k.ob_refcnt++;
  }

  /** set_update_internal with an exact dict's keys: one resize for the dict's size up front. */
  mergeDictKeys(keys: readonly PyObject[]): void {
    const before = new Set(this.t.toArray());
    this.t.mergeDictKeys(keys.map((k) => [k, setSupport.hashFull(k)] as const));
    for (const k of this.t.toArray()) if (!before.has(k)) k.ob_refcnt++;
  }

  /**
   * set_difference_update_internal with a set: discard its keys (CPython walks the intersection
   * when the other set is over 8 times larger), releasing each as it goes, then shrink a table
   * that is mostly dummies.
   */
  differenceUpdate(other: SetStorage): void {
    if (other === this) {
      this.clear();
      return;
    }
    const source = (other.t.size >> 3) > this.t.size ? this.t.intersection(other.t) : other.t;
    const removed: PyObject[] = [];
    for (const [k, h] of source.entries()) {
      const stored = this.t.get(k, h);
      if (stored !== undefined) removed.push(stored);
    }
    this.t.differenceUpdate(other.t);
    for (const k of removed) decref(k);
  }

  /** set_difference_update_internal with a non-set iterable's items. */
  differenceUpdateItems(items: readonly PyObject[]): void {
    const removed: PyObject[] = [];
    const withHashes = items.map((k) => [k, setSupport.hashFull(k)] as const);
    for (const [k, h] of withHashes) {
      const stored = this.t.get(k, h);
      if (stored !== undefined && !removed.includes(stored)) removed.push(stored);
    }
    this.t.differenceUpdateWithItems(withHashes);
    for (const k of removed) decref(k);
  }

  /**
   * set_intersection_update(_multi): the intersection of a copy of this table with each operand
   * (a set, or an iterable's items) replaces the body; the old body's members are released in
   * its table order, as set_dealloc of the swapped-out body does.
   */
  intersectionUpdate(operands: readonly (SetStorage | readonly PyObject[])[], fromCopy: boolean): void {
    const old = this.t.toArray();
    let result = fromCopy ? this.t.copy() : this.t;
    for (const o of operands) {
      result = o instanceof SetStorage
        ? result.intersection(o.t)
        : result.intersectionWithItems(o.map((k) => [k, setSupport.hashFull(k)] as const));
    }
    const kept = new Set(old);
    for (const k of result.toArray()) if (!kept.has(k)) k.ob_refcnt++;
    this.t.takeBody(result);
    const now = new Set(this.t.toArray());
    for (const k of old) if (!now.has(k)) decref(k);
  }
}

export const setSupport = {
  hashFull: null as unknown as (o: PyObject) => PyHash,
};

export class PySet extends PyObject {
  readonly table = new SetStorage();
  constructor(type: PyType) {
    super(type);
  }
  get size(): number {
    return this.table.used;
  }
  /** Borrowed items in iteration order. */
  items(): PyObject[] {
    return this.table.keyList();
  }
}

export const setType: PyType = makeStaticType('set', undefined, { gcHeader: true, basicsize: 200 });
export const frozensetType: PyType = makeStaticType('frozenset', undefined, { gcHeader: true, basicsize: 200 });
setType.tp_dealloc = frozensetType.tp_dealloc = (obj) => {
  const s = obj as PySet;
  s.table.clear();
  if (s.dict !== null) decref(s.dict);
};
setType.newInstance = (type) => track(new PySet(type), 200);
frozensetType.newInstance = (type) => track(new PySet(type), 200);

export function newSet(type: PyType = setType): PySet {
  return track(new PySet(type), 200);
}

export function isAnySet(o: PyObject): o is PySet {
  return o instanceof PySet;
}
