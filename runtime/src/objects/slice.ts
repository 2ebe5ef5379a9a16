// slice: start/stop/step triple (Objects/sliceobject.c) and the index arithmetic that
// sequences share (PySlice_GetIndicesEx).

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track, decref } from '../memory/heap';

export const sliceType: PyType = makeStaticType('slice', undefined, { gcHeader: true, basicsize: 40, isBaseType: false });

export class PySlice extends PyObject {
  constructor(readonly start: PyObject, readonly stop: PyObject, readonly step: PyObject) {
    super(sliceType);
  }
}

sliceType.tp_dealloc = (obj) => {
  const s = obj as PySlice;
  decref(s.start);
  decref(s.stop);
  decref(s.step);
};

/** A slice taking over the three references. */
export function newSliceSteal(start: PyObject, stop: PyObject, step: PyObject): PySlice {
  return track(new PySlice(start, stop, step), 40);
}

/** Clamp (start, stop, step) for a sequence of `length`, giving the slice length as CPython does. */
export function adjustIndices(length: number, start: number | null, stop: number | null, step: number): [number, number, number] {
  let lo: number, hi: number;
  if (step > 0) {
    lo = start === null ? 0 : start < 0 ? Math.max(0, start + length) : Math.min(start, length);
    hi = stop === null ? length : stop < 0 ? Math.max(0, stop + length) : Math.min(stop, length);
    return [lo, hi, hi > lo ? Math.floor((hi - lo - 1) / step) + 1 : 0];
  }
  lo = start === null ? length - 1 : start < 0 ? Math.max(-1, start + length) : Math.min(start, length - 1);
  hi = stop === null ? -1 : stop < 0 ? Math.max(-1, stop + length) : Math.min(stop, length - 1);
  return [lo, hi, lo > hi ? Math.floor((lo - hi - 1) / -step) + 1 : 0];
}
