// range: an immutable arithmetic sequence (Objects/rangeobject.c), and its iterator.
//
// start/stop/step are Python ints of any size (IntValue: a JS number while safe, else a bigint),
// as CPython keeps them as PyLongs. The common case, every value a safe integer, iterates with
// PyRangeIterator, whose numbers the eval loop's FOR_ITER steps directly; a range beyond that is
// walked by a bigint iterator (CPython's longrange_iterator once the values leave a C long).

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track } from '../memory/heap';
import type { IntValue } from './int';

export const rangeType: PyType = makeStaticType('range', undefined, { basicsize: 48, isBaseType: false });
export const rangeIteratorType: PyType = makeStaticType('range_iterator', undefined, { basicsize: 48, isBaseType: false });

/** |v| below 2**52: sums and differences of two such stay exact in a double. */
const SMALL = 2 ** 52;

function isSmall(v: IntValue): v is number {
  return typeof v === 'number' && v < SMALL && v > -SMALL;
}

export function big(v: IntValue): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

/** A bigint back to a number when it is a safe integer (IntValue's canonical form). */
export function normalized(v: bigint): IntValue {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

export class PyRange extends PyObject {
  declare start: IntValue;
  declare stop: IntValue;
  declare step: IntValue;
  constructor(start: IntValue, stop: IntValue, step: IntValue) {
    super(rangeType);
    this.start = start;
    this.stop = stop;
    this.step = step;
  }
  /** Whether start/stop/step are all small numbers (the number arithmetic below is exact). */
  get small(): boolean {
    return isSmall(this.start) && isSmall(this.stop) && isSmall(this.step);
  }
  /** compute_range_length, exact: a number for the common case, else a bigint (normalized). */
  get length(): IntValue {
    const { start, stop, step } = this;
    if (isSmall(start) && isSmall(stop) && isSmall(step)) {
      if (step > 0) return start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
      return start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
    }
    const lo = big(start), hi = big(stop), st = big(step);
    if (st > 0n) return normalized(lo < hi ? (hi - lo - 1n) / st + 1n : 0n);
    return normalized(lo > hi ? (lo - hi - 1n) / -st + 1n : 0n);
  }
  /** The item at index i (0 <= i < length), exactly. */
  item(i: IntValue): IntValue {
    if (isSmall(i) && this.small) {
      const v = (this.start as number) + i * (this.step as number);
      if (Number.isSafeInteger(v)) return v;
    }
    return normalized(big(this.start) + big(i) * big(this.step));
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

export function newRange(start: IntValue, stop: IntValue, step: IntValue): PyRange {
  return track(new PyRange(start, stop, step), 48);
}

/** The number-stepped iterator; only for a range whose items are all safe integers. */
export function newRangeIterator(r: PyRange): PyRangeIterator {
  return track(new PyRangeIterator(r.start as number, r.step as number, r.length as number), 48);
}
