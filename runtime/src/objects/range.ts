// range: an immutable arithmetic sequence (Objects/rangeobject.c), and its iterator.

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track } from '../memory/heap';

export const rangeType: PyType = makeStaticType('range', undefined, { basicsize: 48, isBaseType: false });
export const rangeIteratorType: PyType = makeStaticType('range_iterator', undefined, { basicsize: 48, isBaseType: false });

export class PyRange extends PyObject {
  declare start: number;
  declare stop: number;
  declare step: number;
  constructor(start: number, stop: number, step: number) {
    super(rangeType);
    this.start = start;
    this.stop = stop;
    this.step = step;
  }
  get length(): number {
    const { start, stop, step } = this;
    if (step > 0) return start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
    return start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  }
}

export class PyRangeIterator extends PyObject {
  declare next: number;
  declare step: number;
  declare remaining: number;
  constructor(next: number, step: number, remaining: number) {
    super(rangeIteratorType);
    this.next = next;
    this.step = step;
    this.remaining = remaining;
  }
}

export function newRange(start: number, stop: number, step: number): PyRange {
  return track(new PyRange(start, stop, step), 48);
}

export function newRangeIterator(r: PyRange): PyRangeIterator {
  return track(new PyRangeIterator(r.start, r.step, r.length), 48);
}
