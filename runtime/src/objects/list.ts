// list: a mutable sequence owning a reference to each item (Objects/listobject.c).
// `allocated` mirrors CPython's over-allocation so sys.getsizeof can follow it later.

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track, decref } from '../memory/heap';

export class PyList extends PyObject {
  declare items: PyObject[];
  constructor(type: PyType, items: PyObject[]) {
    super(type);
    this.items = items;
  }
}

export const listType: PyType = makeStaticType('list', undefined, { basicsize: 56 });
listType.tp_dealloc = (obj) => {
  const l = obj as PyList;
  const items = l.items;
  l.items = [];
  for (let i = 0; i < items.length; i++) decref(items[i]);
  if (l.dict !== null) decref(l.dict);
};
listType.newInstance = (type) => track(new PyList(type, []), 56);

/** A list that takes over the references in `items`. */
export function newListSteal(items: PyObject[]): PyList {
  return track(new PyList(listType, items), 56);
}

export function newList(items: readonly PyObject[]): PyList {
  for (let i = 0; i < items.length; i++) items[i].ob_refcnt++;
  return newListSteal(items.slice());
}
