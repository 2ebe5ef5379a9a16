// int: arbitrary precision integers (Objects/longobject.c). The value is a JS number while it
// is a safe integer and a bigint beyond, so the common case stays on V8's fast path while the
// semantics are Python's. Invariant: a PyInt never holds a bigint that fits in a safe integer,
// so equal ints always have identically-typed values. -5..256 are preallocated and shared, as in
// CPython (`a is b` for small ints, and their ids never change).

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track, immortalize } from '../memory/heap';

export type IntValue = number | bigint;

export class PyInt extends PyObject {
  declare readonly value: IntValue;
  constructor(type: PyType, value: IntValue) {
    super(type);
    this.value = value;
  }
}

export const intType: PyType = makeStaticType('int', undefined, { basicsize: 28 });

const SMALL_MIN = -5;
const SMALL_MAX = 256;
const smallInts: PyInt[] = [];
for (let v = SMALL_MIN; v <= SMALL_MAX; v++) smallInts.push(immortalize(track(new PyInt(intType, v), 28)));

/** CPython's size of an int: 24 bytes of header plus 4 per 30-bit digit (at least one, as _PyLong_New allocates). */
export function intSize(v: IntValue): number {
  if (typeof v === 'number') {
    if (v === 0) return 28;
    const a = Math.abs(v);
    return a < 2 ** 30 ? 28 : a < 2 ** 60 ? 32 : 36;
  }
  let a = v < 0n ? -v : v;
  let digits = 0;
  while (a > 0n) {
    a >>= 30n;
    digits++;
  }
  return 24 + 4 * Math.max(1, digits);
}

/** A new reference to the int `v` (cached when small). `v` must be an integer. */
export function newInt(v: number): PyInt {
  if (v >= SMALL_MIN && v <= SMALL_MAX) {
    const o = smallInts[v - SMALL_MIN];
    o.ob_refcnt++;
    return o;
  }
  if (!Number.isSafeInteger(v)) return newBigInt(BigInt(v));
  return track(new PyInt(intType, v), intSize(v));
}

export function newBigInt(v: bigint): PyInt {
  if (v >= -9007199254740991n && v <= 9007199254740991n) return newInt(Number(v));
  return track(new PyInt(intType, v), intSize(v));
}

export function newIntValue(v: IntValue): PyInt {
  return typeof v === 'number' ? newInt(v) : newBigInt(v);
}

/** An int of a subclass (bool's True/False, user subclasses of int). */
export function newIntOfType(type: PyType, v: IntValue): PyInt {
  if (typeof v === 'bigint' && v >= -9007199254740991n && v <= 9007199254740991n) v = Number(v);
  return track(new PyInt(type, v), intSize(v));
}

export function isInt(o: PyObject): o is PyInt {
  return o instanceof PyInt;
}

export function toBig(v: IntValue): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

// --- arithmetic on values (the eval loop's fast paths and int's methods share these) ---

export function addValues(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normalize(toBig(a) + toBig(b));
}

export function subValues(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normalize(toBig(a) - toBig(b));
}

export function mulValues(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  }
  return normalize(toBig(a) * toBig(b));
}

/** Floor division; the caller has checked b != 0. */
export function floorDivValues(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    let r = a % b;
    let q = (a - r) / b;
    if (r !== 0 && r < 0 !== b < 0) q -= 1;
    return q === 0 ? 0 : q;
  }
  const A = toBig(a), B = toBig(b);
  let q = A / B;
  if (A % B !== 0n && (A < 0n) !== (B < 0n)) q -= 1n;
  return normalize(q);
}

/** Python modulo (result has the sign of the divisor); the caller has checked b != 0. */
export function modValues(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    let r = a % b;
    if (r !== 0 && r < 0 !== b < 0) r += b;
    return r === 0 ? 0 : r;
  }
  const A = toBig(a), B = toBig(b);
  let r = A % B;
  if (r !== 0n && (r < 0n) !== (B < 0n)) r += B;
  return normalize(r);
}

/** a ** b for b >= 0. */
export function powValues(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a ** b;
    if (Math.abs(r) < 2 ** 52) return r;
  }
  return normalize(toBig(a) ** toBig(b));
}

export function normalize(v: bigint): IntValue {
  if (v >= -9007199254740991n && v <= 9007199254740991n) return Number(v);
  return v;
}

export function compareValues(a: IntValue, b: IntValue): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** int → float with CPython's rounding (round-half-even), or null when it overflows. */
export function intToFloat(v: IntValue): number | null {
  if (typeof v === 'number') return v;
  const f = Number(v); // Number(bigint) rounds to nearest, ties to even, like CPython.
  return Number.isFinite(f) ? f : null;
}

/** Python's int → str (base 10). */
export function intToString(v: IntValue): string {
  return v.toString();
}
