// float's Python-visible methods (Objects/floatobject.c).

import type { PyObject } from './pyobject';
import type { PyType } from './typeobject';
import { PyFloat, floatType, newFloat } from './float';
import { PyInt, newIntValue, normalize, newInt } from './int';
import { newBool } from './bool';
import { newStr, PyStr } from './str';
import { newTupleSteal } from './tuple';
import { NotImplemented, None } from './none';
import { defineMethods, defineNew, defineGetSets } from './define';
import { newException, ZeroDivisionError, ValueError, TypeError, OverflowError } from './exceptions';
import * as A from './abstract';
import { newRef, decref, track } from '../memory/heap';
import { reprFloat } from '../text/repr';
import { formatFloat } from './textFormatting';

const NI = () => newRef(NotImplemented);

function num(o: PyObject): number | null {
  if (o instanceof PyFloat) return o.value;
  if (o instanceof PyInt) return A.floatValue(o);
  return null;
}

function floorMod(a: number, b: number): [number, number] {
  let mod = a % b;
  let div = (a - mod) / b;
  if (mod) {
    if ((b < 0) !== (mod < 0)) { mod += b; div -= 1; }
  } else mod = b < 0 ? -0 : 0;
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else floordiv = a / b < 0 ? -0 : 0;
  return [floordiv, mod];
}

export function floatBinary(a: number, b: number, op: number): PyObject {
  switch (op) {
    case 0: return newFloat(a + b);
    case 10: return newFloat(a - b);
    case 5: return newFloat(a * b);
    case 11:
      if (b === 0) throw newException(ZeroDivisionError, 'float division by zero');
      return newFloat(a / b);
    case 2:
      if (b === 0) throw newException(ZeroDivisionError, 'float floor division by zero');
      return newFloat(floorMod(a, b)[0]);
    case 6:
      if (b === 0) throw newException(ZeroDivisionError, 'float modulo');
      return newFloat(floorMod(a, b)[1]);
    case 8: {
      if (a === 0 && b < 0) throw newException(ZeroDivisionError, '0.0 cannot be raised to a negative power');
      if (a < 0 && !Number.isInteger(b)) {
        throw newException(ValueError, 'complex exponentiation not supported yet');
      }
      const r = a ** b;
      if (!Number.isFinite(r) && Number.isFinite(a) && Number.isFinite(b)) throw newException(OverflowError, "(34, 'Numerical result out of range')");
      return newFloat(r);
    }
  }
  return NI();
}

const ops: [string, number][] = [['add', 0], ['sub', 10], ['mul', 5], ['truediv', 11], ['floordiv', 2], ['mod', 6], ['pow', 8]];
const methods: Record<string, (self: PyObject, args: PyObject[], kw: string[] | null) => PyObject> = {};
for (const [name, op] of ops) {
  methods[`__${name}__`] = (self, args) => {
    const b = num(args[0]);
    return b === null ? NI() : floatBinary((self as PyFloat).value, b, op);
  };
  methods[`__r${name}__`] = (self, args) => {
    const a = num(args[0]);
    return a === null ? NI() : floatBinary(a, (self as PyFloat).value, op);
  };
}

function cmp(op: number) {
  return (self: PyObject, args: PyObject[]): PyObject => {
    const a = (self as PyFloat).value;
    const o = args[0];
    let b: number;
    if (o instanceof PyFloat) b = o.value;
    else if (o instanceof PyInt) {
      if (typeof o.value === 'bigint' && Number.isFinite(a)) {
        // Compare exactly against a big int.
        const ai = BigInt(Math.trunc(a));
        const bv = o.value;
        const frac = a - Math.trunc(a);
        const c = ai < bv ? -1 : ai > bv ? 1 : frac > 0 ? 1 : frac < 0 ? -1 : 0;
        return newBool([c < 0, c <= 0, c === 0, c !== 0, c > 0, c >= 0][op]);
      }
      b = Number(o.value);
    } else return NI();
    return newBool([a < b, a <= b, a === b, a !== b, a > b, a >= b][op]);
  };
}

export function floatToInt(f: number): PyObject {
  if (Number.isNaN(f)) throw newException(ValueError, 'cannot convert float NaN to integer');
  if (!Number.isFinite(f)) throw newException(OverflowError, 'cannot convert float infinity to integer');
  const t = Math.trunc(f);
  return newIntValue(Number.isSafeInteger(t) ? t : normalize(BigInt(t)));
}

function roundHalfEven(x: number, nd: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  // Use the exact decimal expansion (toFixed is exact for up to 100 digits) and round half to even.
  if (nd > 22 || nd < -308) return x;
  const m = 10 ** Math.abs(nd);
  const y = nd >= 0 ? x * m : x / m;
  if (!Number.isFinite(y)) return x;
  let r = Math.round(y);
  const diff = y - Math.trunc(y);
  if (Math.abs(Math.abs(diff) - 0.5) < 1e-9 * Math.max(1, Math.abs(y))) {
    // Decide ties from the exact decimal value of x, as CPython's correctly-rounded dtoa does.
    const exact = x.toFixed(Math.min(100, Math.max(0, nd + 30)));
    const dot = exact.indexOf('.');
    const digits = nd >= 0 ? exact.slice(dot + 1 + nd).replace(/0+$/, '') : '';
    if (nd >= 0 && digits === '5') {
      const t = Math.trunc(y);
      r = t % 2 === 0 ? t : t + Math.sign(y);
    } else if (nd >= 0) {
      r = digits > '5' ? Math.trunc(y) + Math.sign(y) : Math.trunc(y);
    }
  }
  const out = nd >= 0 ? r / m : r * m;
  return out === 0 ? (x < 0 ? -0 : 0) : out;
}

defineMethods(floatType, {
  ...methods,
  __lt__: cmp(0), __le__: cmp(1), __eq__: cmp(2), __ne__: cmp(3), __gt__: cmp(4), __ge__: cmp(5),
  __neg__: (self) => newFloat(-(self as PyFloat).value),
  __pos__: (self) => newFloat((self as PyFloat).value),
  __abs__: (self) => newFloat(Math.abs((self as PyFloat).value)),
  __bool__: (self) => newBool((self as PyFloat).value !== 0),
  __int__: (self) => floatToInt((self as PyFloat).value),
  __trunc__: (self) => floatToInt((self as PyFloat).value),
  __floor__: (self) => floatToInt(Math.floor((self as PyFloat).value)),
  __ceil__: (self) => floatToInt(Math.ceil((self as PyFloat).value)),
  __float__: (self) => newFloat((self as PyFloat).value),
  __hash__: (self) => newInt(A.hashFloat((self as PyFloat).value)),
  __repr__: (self) => newStr(reprFloat((self as PyFloat).value)),
  __divmod__: (self, args) => {
    const b = num(args[0]);
    if (b === null) return NI();
    if (b === 0) throw newException(ZeroDivisionError, 'float divmod()');
    const [q, r] = floorMod((self as PyFloat).value, b);
    return newTupleSteal([newFloat(q), newFloat(r)]);
  },
  __round__: (self, args) => {
    const x = (self as PyFloat).value;
    if (args.length === 0 || args[0] === None) {
      if (!Number.isFinite(x)) return floatToInt(x);
      let r = Math.round(x);
      if (Math.abs(x % 1) === 0.5) r = 2 * Math.round(x / 2);
      return floatToInt(r);
    }
    return newFloat(roundHalfEven(x, Number(A.indexValue(args[0]))));
  },
  __format__: (self, args) => {
    const spec = (args[0] as PyStr).value;
    if (spec === '') return A.strObj(self);
    return newStr(formatFloat((self as PyFloat).value, spec));
  },
  is_integer: (self) => newBool(Number.isInteger((self as PyFloat).value)),
  conjugate: (self) => newFloat((self as PyFloat).value),
  as_integer_ratio: (self) => {
    let x = (self as PyFloat).value;
    if (!Number.isFinite(x)) throw newException(Number.isNaN(x) ? ValueError : OverflowError, Number.isNaN(x) ? 'cannot convert NaN to integer ratio' : 'cannot convert Infinity to integer ratio');
    let den = 1n;
    while (!Number.isInteger(x)) { x *= 2; den *= 2n; }
    let numr = BigInt(x);
    return newTupleSteal([newIntValue(normalize(numr)), newIntValue(normalize(den))]);
  },
  hex: (self) => newStr((self as PyFloat).value.toString(16)),
});

defineGetSets(floatType, {
  real: [(self) => newFloat((self as PyFloat).value)],
  imag: [() => newFloat(0)],
});

export function parseFloatText(text: string, orig: PyObject): number {
  const s = text.trim().replace(/_(?=\d)/g, '').toLowerCase();
  if (/^[+-]?(inf|infinity)$/.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/.test(s)) return NaN;
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(s)) return Number(s);
  throw newException(ValueError, `could not convert string to float: ${A.repr(orig)}`);
}

defineNew(floatType, (_self, args) => {
  const cls = args[0] as PyType;
  let v = 0;
  if (args.length > 1) {
    const x = args[1];
    if (x instanceof PyFloat) v = x.value;
    else if (x instanceof PyInt) v = A.floatValue(x)!;
    else if (x instanceof PyStr) v = parseFloatText(x.value, x);
    else {
      const m = x.ob_type.lookup('__float__') ?? x.ob_type.lookup('__index__');
      if (m === null) throw newException(TypeError, `float() argument must be a string or a real number, not '${A.typeName(x)}'`);
      const r = A.callBound(m, x, []);
      v = A.floatValue(r) ?? 0;
      decref(r);
    }
  }
  if (cls === floatType) return newFloat(v);
  return track(new PyFloat(cls, v), 24);
});
