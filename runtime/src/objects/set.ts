// set and frozenset (Objects/setobject.c). Placeholder storage: an insertion-ordered table
// (a private PyDict whose values are all None). CPython's iteration order comes from its
// open-addressing table; that lands with runtime/src/hashing and only this file changes.

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track, decref } from '../memory/heap';
import { PyDict, dictType } from './dict';

export class PySet extends PyObject {
  readonly table: PyDict = new PyDict(dictType);
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

export const setType: PyType = makeStaticType('set', undefined, { basicsize: 200 });
export const frozensetType: PyType = makeStaticType('frozenset', undefined, { basicsize: 200 });
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
