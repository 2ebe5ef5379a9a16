// list: a mutable sequence owning a reference to each item (Objects/listobject.c).
// `allocated` mirrors CPython's over-allocation (list_resize) and `itemsBlock` is the address of
// the separately allocated item array (ob_item, PyMem_Malloc), so sys.getsizeof and the arena map
// follow CPython. append / LIST_APPEND / pop keep them exact step by step (`listGrew`,
// `listShrank`); bulk changes are caught up by `listSync` (one list_resize, as extend and slice
// assignment do) before anyone reads them.

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track, trackFreeListed, decref, FREELIST_LIST, reallocBuffer, freeBuffer } from '../memory/heap';

export class PyList extends PyObject {
  declare items: PyObject[];
  /** CPython's `allocated`: item slots in the ob_item buffer. */
  declare allocated: number;
  /** Address of the ob_item buffer, 0 when none. */
  declare itemsBlock: number;
  constructor(type: PyType, items: PyObject[]) {
    super(type);
    this.items = items;
    this.allocated = 0;
    this.itemsBlock = 0;
  }
}

/** Give the item array exactly `n` slots (PyList_New(n), list_preallocate_exact, list_resize's result). */
export function setListCapacity(l: PyList, n: number): void {
  if (n === l.allocated) return;
  if (n === 0) {
    freeBuffer(l.itemsBlock);
    l.itemsBlock = 0;
  } else {
    l.itemsBlock = reallocBuffer(l, l.itemsBlock, 8 * n);
  }
  l.allocated = n;
}

/** list_resize(self, newsize) when the list had `oldsize` items. */
export function listResize(l: PyList, newsize: number, oldsize: number): void {
  const allocated = l.allocated;
  if (allocated >= newsize && newsize >= allocated >> 1) return;
  let newAllocated = (newsize + (newsize >> 3) + 6) & ~3;
  if (newsize - oldsize > newAllocated - newsize) newAllocated = (newsize + 3) & ~3;
  if (newsize === 0) newAllocated = 0;
  setListCapacity(l, newAllocated);
}

/** After one item was appended (append, LIST_APPEND): list_resize(n) when it overflowed. */
export function listGrew(l: PyList): void {
  const n = l.items.length;
  if (n > l.allocated) listResize(l, n, n - 1);
}

/** After one item was removed (pop, remove): list_resize(n) when it dropped below half. */
export function listShrank(l: PyList): void {
  const n = l.items.length;
  if (n < l.allocated >> 1) listResize(l, n, n + 1);
}

/** list_preallocate_exact: an even number of slots, at least `n`. */
export function listPreallocate(l: PyList, n: number): void {
  setListCapacity(l, (n + 1) & ~1);
}

/**
 * list_extend's resizes after the items went in: `oldsize` items before; `exactSeq` when the
 * iterable was an exact list or tuple (one resize), else `hint` = its length hint (8 when it
 * has none) followed by append growth and a final shrink to fit.
 */
export function listExtended(l: PyList, oldsize: number, exactSeq: boolean, hint: number): void {
  const n = l.items.length;
  if (exactSeq) {
    if (n === oldsize) return;
    if (l.itemsBlock === 0) listPreallocate(l, n - oldsize);
    else listResize(l, n, oldsize);
    return;
  }
  if (hint > 0) {
    if (l.itemsBlock === 0) listPreallocate(l, hint);
    else listResize(l, oldsize + hint, oldsize);
  }
  for (let k = oldsize + 1; k <= n; k++) if (k > l.allocated) listResize(l, k, k - 1);
  if (n < l.allocated) listResize(l, n, n);
}

/** Catch `allocated` up with a bulk change (extend, slice assignment, clear, sort...). */
export function listSync(l: PyList): void {
  const n = l.items.length;
  const allocated = l.allocated;
  if (allocated >= n && n >= allocated >> 1) return;
  if (n === 0) setListCapacity(l, 0); // _list_clear frees the array
  else listResize(l, n, Math.min(allocated, n));
}

export const listType: PyType = makeStaticType('list', undefined, { gcHeader: true, basicsize: 40 });
listType.tp_dealloc = (obj) => {
  const l = obj as PyList;
  const items = l.items;
  l.items = [];
  // list_dealloc releases the items last to first.
  for (let i = items.length - 1; i >= 0; i--) decref(items[i]);
  if (l.dict !== null) decref(l.dict);
  freeBuffer(l.itemsBlock);
  l.itemsBlock = 0;
  l.allocated = 0;
};
listType.newInstance = (type) => track(new PyList(type, []), 40);
listType.freeList = FREELIST_LIST;

/** A list that takes over the references in `items`. */
export function newListSteal(items: PyObject[]): PyList {
  const l = trackFreeListed(new PyList(listType, items), 40);
  if (items.length > 0) setListCapacity(l, items.length);
  return l;
}

export function newList(items: readonly PyObject[]): PyList {
  for (let i = 0; i < items.length; i++) items[i].ob_refcnt++;
  return newListSteal(items.slice());
}
