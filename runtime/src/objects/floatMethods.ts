// float's Python-visible methods (Objects/floatobject.c).

import type { PyObject } from './pyobject';
import type { PyType } from './typeobject';
import { PyFloat, floatType, newFloat, powDouble } from './float';
import { newComplex, cPow } from './complex';
import { PyInt, newIntValue, normalize, newInt } from './int';
import { newBool } from './bool';
import { newStr, PyStr } from './str';
import { PyBytes } from './bytes';
import { newTupleSteal } from './tuple';
import { NotImplemented, None } from './none';
import { defineMethods, defineNew, defineGetSets, defineClassMethods } from './define';
import { floatHex, floatAsIntegerRatio, roundFloat, roundFloatToInt, NumericError } from '../text/formatFloat';
import { parseFloatLiteral } from '../text/formatNumberParsing';
import { newException, ZeroDivisionError, ValueError, TypeError, OverflowError, DeprecationWarning } from './exceptions';
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
  // C's `if (mod)` / `if (div)` treat NaN as true: compare with 0 explicitly.
  let mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0) {
    if ((b < 0) !== (mod < 0)) { mod += b; div -= 1; }
  } else mod = b < 0 ? -0 : 0;
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else floordiv = a / b < 0 || Object.is(a / b, -0) ? -0 : 0;
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
      // float_pow's special cases where C's pow() and JS's ** disagree with Python.
      if (b === 0) return newFloat(1);
      if (Number.isNaN(a)) return newFloat(a);
      if (Number.isNaN(b)) return newFloat(a === 1 ? 1 : b);
      if (!Number.isFinite(b)) {
        const abs = Math.abs(a);
        return newFloat(abs === 1 ? 1 : (b > 0) === (abs > 1) ? Infinity : 0);
      }
      if (a === 0 && b < 0) throw newException(ZeroDivisionError, '0.0 cannot be raised to a negative power');
      if (a < 0 && Number.isFinite(a) && !Number.isInteger(b) && Number.isFinite(b)) {
        // float_pow: a negative base to a fractional power is complex's job.
        const [z, errno] = cPow([a, 0], [b, 0]);
        if (errno === 'ERANGE') throw newException(OverflowError, 'complex exponentiation');
        return newComplex(z[0], z[1]);
      }
      const r = powDouble(a, b);
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
    if (op === 8 && args.length > 1 && args[1] !== None) throw newException(TypeError, 'pow() 3rd argument not allowed unless all arguments are integers');
    const b = num(args[0]);
    return b === null ? NI() : floatBinary((self as PyFloat).value, b, op);
  };
  methods[`__r${name}__`] = (self, args) => {
    if (op === 8 && args.length > 1 && args[1] !== None) throw newException(TypeError, 'pow() 3rd argument not allowed unless all arguments are integers');
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
  __rdivmod__: (self, args) => {
    const a = num(args[0]);
    if (a === null) return NI();
    const b = (self as PyFloat).value;
    if (b === 0) throw newException(ZeroDivisionError, 'float divmod()');
    const [q, r] = floorMod(a, b);
    return newTupleSteal([newFloat(q), newFloat(r)]);
  },
  __round__: (self, args) => {
    const x = (self as PyFloat).value;
    if (args.length === 0 || args[0] === None) return numeric(roundFloatToInt(x), (v) => newIntValue(typeof v === 'bigint' ? normalize(v) : v));
    const nd = A.indexValue(args[0]);
    const digits = typeof nd === 'bigint' ? (nd > 0n ? 1e9 : -1e9) : nd;
    return numeric(roundFloat(x, digits), newFloat);
  },
  __format__: (self, args) => {
    const spec = (args[0] as PyStr).value;
    if (spec === '') return A.strObj(self);
    return newStr(formatFloat((self as PyFloat).value, spec));
  },
  __getnewargs__: (self) => newTupleSteal([newFloat((self as PyFloat).value)]),
  is_integer: (self) => newBool(Number.isInteger((self as PyFloat).value)),
  conjugate: (self) => newFloat((self as PyFloat).value),
  as_integer_ratio: (self) => numeric(floatAsIntegerRatio((self as PyFloat).value),
    ([n, d]) => newTupleSteal([newIntValue(normalize(n)), newIntValue(normalize(d))])),
  hex: (self) => newStr(floatHex((self as PyFloat).value)),
});

defineClassMethods(floatType, {
  __getformat__: (_cls, args) => {
    const kind = args[0] instanceof PyStr ? args[0].value : null;
    if (kind === null) throw newException(TypeError, `__getformat__() argument must be str, not ${A.typeName(args[0])}`);
    if (kind !== 'double' && kind !== 'float') throw newException(ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
    return newStr('IEEE, little-endian');
  },
  fromhex: (cls, args) => {
    if (args.length !== 1) throw newException(TypeError, `fromhex() takes exactly one argument (${args.length} given)`);
    if (!(args[0] instanceof PyStr)) throw newException(TypeError, 'bad argument type for built-in operation');
    const x = newFloat(parseFloatHex(args[0].value));
    if (cls === floatType) return x;
    try {
      return A.call(cls, [x]);
    } finally {
      decref(x);
    }
  },
});

const HEX_FLOAT = /^[ \t\n\r\x0b\x0c]*([+-]?)(?:(inf|infinity|nan)|(?:0x)?([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?)[ \t\n\r\x0b\x0c]*$/i;

/** float.fromhex: the exact value of the hex digits times 2**exp, rounded half-even to a double. */
export function parseFloatHex(text: string): number {
  const m = HEX_FLOAT.exec(text);
  const invalid = () => newException(ValueError, 'invalid hexadecimal floating-point string');
  if (m === null) throw invalid();
  const negative = m[1] === '-';
  if (m[2] !== undefined) {
    const v = m[2].toLowerCase() === 'nan' ? NaN : Infinity;
    return negative ? -v : v;
  }
  const whole = m[3] ?? '', frac = m[4] ?? '';
  if (whole.length + frac.length === 0) throw invalid();
  let mantissa = BigInt('0x0' + whole + frac);
  let exp = (m[5] !== undefined ? Number(m[5]) : 0) - 4 * frac.length;
  let value: number;
  if (mantissa === 0n) value = 0;
  else {
    const bits = mantissa.toString(2).length;
    const lsb = Math.max(bits + exp - 53, -1074);
    const shift = lsb - exp;
    if (shift > 0) {
      const big = BigInt(shift);
      let q = mantissa >> big;
      const rest = mantissa - (q << big);
      const half = 1n << (big - 1n);
      if (rest > half || (rest === half && (q & 1n) === 1n)) q += 1n;
      mantissa = q;
      exp = lsb;
    }
    if (mantissa.toString(2).length + exp > 1024) throw newException(OverflowError, 'hexadecimal value too large to represent as a float');
    value = Number(mantissa) * 2 ** exp;
  }
  return negative ? -value : value;
}

/** A text/ result or its NumericError raised as the Python exception. */
function numeric<T>(r: T | NumericError, make: (v: T) => PyObject): PyObject {
  if (r instanceof NumericError) throw newException({ ValueError, OverflowError, TypeError }[r.type], r.message);
  return make(r);
}

defineGetSets(floatType, {
  real: [(self) => newFloat((self as PyFloat).value)],
  imag: [() => newFloat(0)],
});

export function parseFloatText(text: string, orig: PyObject): number {
  const r = parseFloatLiteral(text);
  if (r instanceof NumericError) throw newException(ValueError, `could not convert string to float: ${A.repr(orig)}`);
  return r;
}

/** PyNumber_Float: float(x) for a non-float, non-str argument. */
function floatOf(x: PyObject): number {
  if (x instanceof PyInt) return A.floatValue(x)!;
  if (x instanceof PyBytes) return parseFloatText(String.fromCharCode(...x.data), x);
  const m = x.ob_type.lookup('__float__');
  if (m !== null) {
    const r = A.callBound(m, x, []);
    try {
      if (!(r instanceof PyFloat)) throw newException(TypeError, `${A.typeName(x)}.__float__ returned non-float (type ${A.typeName(r)})`);
      if (r.ob_type !== floatType) {
        A.callSupport.warn(DeprecationWarning, `${A.typeName(x)}.__float__ returned non-float (type ${A.typeName(r)}).  ` +
          'The ability to return an instance of a strict subclass of float is deprecated, and may be removed in a future version of Python.');
      }
      return r.value;
    } finally {
      decref(r);
    }
  }
  if (x.ob_type.lookup('__index__') !== null) {
    const i = A.indexValue(x);
    return typeof i === 'number' ? i : Number(i);
  }
  throw newException(TypeError, `float() argument must be a string or a real number, not '${A.typeName(x)}'`);
}

defineNew(floatType, (_self, args, kwnames) => {
  if (kwnames !== null && kwnames.length > 0) throw newException(TypeError, 'float() takes no keyword arguments');
  const cls = args[0] as PyType;
  if (args.length > 2) throw newException(TypeError, `float expected at most 1 argument, got ${args.length - 1}`);
  let v = 0;
  if (args.length > 1) {
    const x = args[1];
    if (x instanceof PyFloat) v = x.value;
    else if (x instanceof PyStr) v = parseFloatText(x.value, x);
    else v = floatOf(x);
  }
  if (cls === floatType) return newFloat(v);
  return track(new PyFloat(cls, v), 24);
});
