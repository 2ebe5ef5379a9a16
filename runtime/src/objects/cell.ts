// cell: a closure variable's box (Objects/cellobject.c). MAKE_CELL puts one in a frame's
// localsplus slot; closures share it through `__closure__`. `contents` is owned (or null: empty).

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track, xdecref } from '../memory/heap';

export const cellType: PyType = makeStaticType('cell', undefined, { gcHeader: true, basicsize: 24, isBaseType: false });
cellType.tp_dealloc = (obj) => {
  const c = obj as PyCell;
  const v = c.contents;
  c.contents = null;
  xdecref(v);
};

export class PyCell extends PyObject {
  declare contents: PyObject | null;
  constructor(contents: PyObject | null) {
    super(cellType);
    this.contents = contents;
  }
}

/** A cell taking over the caller's reference to `contents`. */
export function newCell(contents: PyObject | null): PyCell {
  return track(new PyCell(contents), 24);
}
