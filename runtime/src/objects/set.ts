// set and frozenset (Objects/setobject.c). Storage is CPython's open-addressing set table
// (runtime/src/hashing/setTable.ts) keyed by CPython's exact hashes, so iteration order, pop()
// and resizing follow CPython. The set owns one reference to each member.

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
