// tuple: an immutable sequence owning a reference to each item (Objects/tupleobject.c).
// The empty tuple is a shared singleton, as in CPython.

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track, trackFreeListed, decref, immortalize, FREELIST_TUPLE } from '../memory/heap';
import { exceptionSupport } from './exceptions';

export class PyTuple extends PyObject {
  declare items: PyObject[];
  constructor(type: PyType, items: PyObject[]) {
    super(type);
    this.items = items;
  }
}

export const tupleType: PyType = makeStaticType('tuple', undefined, { gcHeader: true, basicsize: 24 });
tupleType.tp_dealloc = (obj) => {
  const t = obj as PyTuple;
  const items = t.items;
  t.items = [];
  // tupledealloc releases the items last to first.
  for (let i = items.length - 1; i >= 0; i--) decref(items[i]);
  if (t.dict !== null) decref(t.dict);
};

tupleType.freeList = FREELIST_TUPLE;
export const emptyTuple: PyTuple = immortalize(track(new PyTuple(tupleType, []), 24));

/** A tuple that takes over the references in `items` (the caller's references move in). */
export function newTupleSteal(items: PyObject[]): PyTuple {
  if (items.length === 0) {
    emptyTuple.ob_refcnt++;
    return emptyTuple;
  }
  return trackFreeListed(new PyTuple(tupleType, items), 24 + 8 * items.length);
}

/** A tuple holding new references to `items`. */
export function newTuple(items: readonly PyObject[]): PyTuple {
  for (let i = 0; i < items.length; i++) items[i].ob_refcnt++;
  return newTupleSteal(items.slice());
}

export function newTupleOfType(type: PyType, items: PyObject[]): PyTuple {
  for (let i = 0; i < items.length; i++) items[i].ob_refcnt++;
  return track(new PyTuple(type, items.slice()), 24 + 8 * items.length);
}

exceptionSupport.makeArgs = (items) => newTuple(items);
