// int's and bool's Python-visible methods (Objects/longobject.c, boolobject.c).

import type { PyObject } from './pyobject';
import { PyType } from './typeobject';
import {
  PyInt, intType, newIntValue, newInt, addValues, subValues, mulValues, floorDivValues, modValues, powValues,
  toBig, normalize, intToFloat, newIntOfType, intSize, type IntValue,
} from './int';
import { boolType, True, False, newBool } from './bool';
import { newFloat, PyFloat, powDouble } from './float';
import { newStr, PyStr } from './str';
import { newTupleSteal } from './tuple';
import { NotImplemented, None } from './none';
import { defineMethods, defineNew, defineGetSets, defineClassMethods, splitArgs } from './define';
import { newException, ZeroDivisionError, ValueError, TypeError, OverflowError, DeprecationWarning } from './exceptions';
import * as A from './abstract';
import { newRef, decref } from '../memory/heap';
import { formatInt } from './textFormatting';
import { parseIntLiteral } from '../text/formatNumberParsing';
import { NumericError } from '../text/formatFloat';
import { DEFAULT_MAX_STR_DIGITS } from '../text/formatSpec';
import { bytesType } from './bytes';
import { PyBytes, newBytes } from './bytes';

const NI = () => newRef(NotImplemented);

function intArg(o: PyObject): IntValue | null {
  return o instanceof PyInt ? o.value : null;
}

export function trueDivide(a: IntValue, b: IntValue): number {
  if (b === 0 || b === 0n) throw newException(ZeroDivisionError, 'division by zero');
  if (typeof a === 'number' && typeof b === 'number') return a / b;
  const fa = intToFloat(a), fb = intToFloat(b);
  if (fa !== null && fb !== null && Math.abs(fa) < 2 ** 53 && Math.abs(fb) < 2 ** 53) return fa / fb;
  // Exact-ish: scale the bigints so the quotient keeps 53+ significant bits.
  const A_ = toBig(a), B_ = toBig(b);
  const neg = (A_ < 0n) !== (B_ < 0n);
  let x = A_ < 0n ? -A_ : A_, y = B_ < 0n ? -B_ : B_;
  let shift = 0;
  const bits = (v: bigint) => v.toString(2).length;
  const diff = bits(x) - bits(y);
  if (diff < 64) { x <<= BigInt(64 - diff); shift = 64 - diff; }
  const q = Number(x / y) / 2 ** shift;
  if (!Number.isFinite(q)) throw newException(OverflowError, 'integer division result too large for a float');
  return neg ? -q : q;
}

/** The inverse of a modulo m (0 <= a < m), as long_invmod computes it with the extended Euclid. */
function modularInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw newException(ValueError, 'base is not invertible for the given modulus');
  return ((oldS % m) + m) % m;
}

function pow(a: IntValue, b: IntValue, mod: IntValue | null): PyObject {
  if (mod !== null) {
    if (mod === 0 || mod === 0n) throw newException(ValueError, 'pow() 3rd argument cannot be 0');
    let base = toBig(a), e = toBig(b), m = toBig(mod);
    let r = 1n;
    const mm = m < 0n ? -m : m;
    base = ((base % mm) + mm) % mm;
    if (e < 0n) {
      // long_pow: a negative exponent means the modular inverse, raised to -e.
      base = modularInverse(base, mm);
      e = -e;
    }
    while (e > 0n) {
      if (e & 1n) r = (r * base) % mm;
      base = (base * base) % mm;
      e >>= 1n;
    }
    r %= mm;
    if (m < 0n && r !== 0n) r += m;
    return newIntValue(normalize(r));
  }
  if (b < 0) {
    const fa = intToFloat(a)!;
    if (fa === 0) throw newException(ZeroDivisionError, '0.0 cannot be raised to a negative power');
    return newFloat(powDouble(fa, Number(b)));
  }
  return newIntValue(powValues(a, b));
}

function shift(a: IntValue, b: IntValue, left: boolean): PyObject {
  if (b < 0) throw newException(ValueError, 'negative shift count');
  if (left) return newIntValue(normalize(toBig(a) << toBig(b)));
  return newIntValue(normalize(toBig(a) >> toBig(b)));
}

function bitwise(a: IntValue, b: IntValue, op: string): PyObject {
  if (typeof a === 'number' && typeof b === 'number' && Math.abs(a) < 2 ** 31 && Math.abs(b) < 2 ** 31) {
    return newInt(op === '&' ? a & b : op === '|' ? a | b : a ^ b);
  }
  const x = toBig(a), y = toBig(b);
  return newIntValue(normalize(op === '&' ? x & y : op === '|' ? x | y : x ^ y));
}

export function intBinary(a: IntValue, b: IntValue, op: number): PyObject {
  switch (op) {
    case 0: return newIntValue(addValues(a, b));
    case 10: return newIntValue(subValues(a, b));
    case 5: return newIntValue(mulValues(a, b));
    case 2:
      if (b === 0 || b === 0n) throw newException(ZeroDivisionError, 'integer division or modulo by zero');
      return newIntValue(floorDivValues(a, b));
    case 6:
      if (b === 0 || b === 0n) throw newException(ZeroDivisionError, 'integer modulo by zero');
      return newIntValue(modValues(a, b));
    case 11: return newFloat(trueDivide(a, b));
    case 8: return pow(a, b, null);
    case 3: return shift(a, b, true);
    case 9: return shift(a, b, false);
    case 1: return bitwise(a, b, '&');
    case 7: return bitwise(a, b, '|');
    case 12: return bitwise(a, b, '^');
  }
  return NI();
}

const binaryNames: [string, number][] = [
  ['add', 0], ['sub', 10], ['mul', 5], ['floordiv', 2], ['mod', 6], ['truediv', 11], ['pow', 8],
  ['lshift', 3], ['rshift', 9], ['and', 1], ['or', 7], ['xor', 12],
];

const methods: Record<string, (self: PyObject, args: PyObject[], kw: string[] | null) => PyObject> = {};
for (const [name, op] of binaryNames) {
  methods[`__${name}__`] = (self, args) => {
    const b = intArg(args[0]);
    if (b === null) return NI();
    if (op === 8 && args.length > 1 && args[1] !== None) {
      const m = intArg(args[1]);
      if (m === null) return NI();
      return pow((self as PyInt).value, b, m);
    }
    return intBinary((self as PyInt).value, b, op);
  };
  methods[`__r${name}__`] = (self, args) => {
    const a = intArg(args[0]);
    if (a === null) return NI();
    if (op === 8 && args.length > 1 && args[1] !== None) {
      const m = intArg(args[1]);
      if (m === null) return NI();
      return pow(a, (self as PyInt).value, m);
    }
    return intBinary(a, (self as PyInt).value, op);
  };
}

function cmp(op: number) {
  return (self: PyObject, args: PyObject[]): PyObject => {
    const a = (self as PyInt).value;
    const o = args[0];
    if (o instanceof PyInt) {
      const b = o.value;
      const r = op === 0 ? a < b : op === 1 ? a <= b : op === 2 ? a == b : op === 3 ? a != b : op === 4 ? a > b : a >= b; // eslint-disable-line eqeqeq
      return newBool(r);
    }
    return NI();
  };
}

function intRepr(self: PyObject): PyObject {
  const v = (self as PyInt).value;
  if (self.ob_type === boolType) return newStr(v ? 'True' : 'False');
  const s = v.toString();
  if (s.length > 4300 + (v < 0 ? 1 : 0)) {
    throw newException(ValueError, 'Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit');
  }
  return newStr(s);
}

defineMethods(intType, {
  ...methods,
  __lt__: cmp(0), __le__: cmp(1), __eq__: cmp(2), __ne__: cmp(3), __gt__: cmp(4), __ge__: cmp(5),
  __neg__: (self) => newIntValue(subValues(0, (self as PyInt).value)),
  __pos__: (self) => newIntValue((self as PyInt).value),
  __abs__: (self) => { const v = (self as PyInt).value; return newIntValue(v < 0 ? subValues(0, v) : v); },
  __invert__: (self) => newIntValue(subValues(subValues(0, (self as PyInt).value), 1)),
  __bool__: (self) => newBool((self as PyInt).value !== 0),
  __index__: (self) => newIntValue((self as PyInt).value),
  __int__: (self) => newIntValue((self as PyInt).value),
  __float__: (self) => newFloat(A.floatValue(self)!),
  __hash__: (self) => newInt(A.hashInt((self as PyInt).value)),
  __repr__: intRepr,
  __divmod__: (self, args) => {
    const b = intArg(args[0]);
    if (b === null) return NI();
    const a = (self as PyInt).value;
    if (b === 0 || b === 0n) throw newException(ZeroDivisionError, 'integer division or modulo by zero');
    return newTupleSteal([newIntValue(floorDivValues(a, b)), newIntValue(modValues(a, b))]);
  },
  __rdivmod__: (self, args) => {
    const a = intArg(args[0]);
    if (a === null) return NI();
    const b = (self as PyInt).value;
    if (b === 0 || b === 0n) throw newException(ZeroDivisionError, 'integer division or modulo by zero');
    return newTupleSteal([newIntValue(floorDivValues(a, b)), newIntValue(modValues(a, b))]);
  },
  __round__: (self, args) => {
    const v = (self as PyInt).value;
    if (args.length === 0 || args[0] === None) return newIntValue(v);
    const nd = A.indexValue(args[0]);
    if (nd >= 0) return newIntValue(v);
    const p = 10n ** toBig(-nd as IntValue);
    const x = toBig(v);
    let q = x / p, r = x % p;
    if (r < 0n) { r += p; q -= 1n; }
    if (2n * r > p || (2n * r === p && q % 2n !== 0n)) q += 1n;
    return newIntValue(normalize(q * p));
  },
  __trunc__: (self) => newIntValue((self as PyInt).value),
  __floor__: (self) => newIntValue((self as PyInt).value),
  __ceil__: (self) => newIntValue((self as PyInt).value),
  __format__: (self, args) => {
    const spec = (args[0] as PyStr).value;
    if (spec === '') return A.strObj(self);
    return newStr(formatInt((self as PyInt).value, spec));
  },
  __getnewargs__: (self) => newTupleSteal([newIntValue((self as PyInt).value)]),
  __sizeof__: (self) => newInt(intSize((self as PyInt).value)),
  bit_length: (self) => {
    const v = (self as PyInt).value;
    const a = v < 0 ? -toBig(v) : toBig(v);
    return newInt(a === 0n ? 0 : a.toString(2).length);
  },
  bit_count: (self) => {
    const v = (self as PyInt).value;
    const a = v < 0 ? -toBig(v) : toBig(v);
    return newInt([...a.toString(2)].filter((c) => c === '1').length);
  },
  conjugate: (self) => newIntValue((self as PyInt).value),
  as_integer_ratio: (self) => newTupleSteal([newIntValue((self as PyInt).value), newInt(1)]),
  to_bytes: (self, args, kwnames) => {
    const { length, order, signed } = bytesArgs('to_bytes', args, kwnames, 'length');
    const n = length === null ? 1 : Number(A.indexValue(length));
    if (n < 0) throw newException(ValueError, 'length argument must be non-negative');
    let v = toBig((self as PyInt).value);
    const bits = BigInt(8 * n);
    if (v < 0n) {
      if (!signed) throw newException(OverflowError, "can't convert negative int to unsigned");
      if (n === 0 || v < -(1n << (bits - 1n))) throw newException(OverflowError, 'int too big to convert');
      v += 1n << bits;
    } else if (signed ? n === 0 ? v !== 0n : v >= 1n << (bits - 1n) : v >= 1n << bits) {
      throw newException(OverflowError, 'int too big to convert');
    }
    const out = new Uint8Array(n);
    for (let i = n - 1; i >= 0; i--) { out[i] = Number(v & 255n); v >>= 8n; }
    if (order === 'little') out.reverse();
    return newBytes(out);
  },
});

/** The (length|bytes, byteorder='big', *, signed=False) arguments of to_bytes/from_bytes. */
function bytesArgs(name: string, args: PyObject[], kwnames: string[] | null, first: string): { length: PyObject | null; order: string; signed: boolean } {
  const [pos, kw] = splitArgs(args, kwnames);
  if (pos.length > 2) throw newException(TypeError, `${name}() takes at most 2 positional arguments (${pos.length} given)`);
  for (const k of kw.keys()) {
    if (k !== first && k !== 'byteorder' && k !== 'signed') throw newException(TypeError, `${name}() got an unexpected keyword argument '${k}'`);
  }
  const length = pos[0] ?? kw.get(first) ?? null;
  const orderObj = pos[1] ?? kw.get('byteorder') ?? null;
  let order = 'big';
  if (orderObj !== null) {
    if (!(orderObj instanceof PyStr)) throw newException(TypeError, `${name}() argument 'byteorder' must be str, not ${A.typeName(orderObj)}`);
    order = orderObj.value;
  }
  if (order !== 'big' && order !== 'little') throw newException(ValueError, "byteorder must be either 'little' or 'big'");
  const signed = kw.has('signed') ? A.isTrue(kw.get('signed')!) : false;
  return { length, order, signed };
}

defineClassMethods(intType, {
  from_bytes: (cls, args, kwnames) => {
    const { length: source, order, signed } = bytesArgs('from_bytes', args, kwnames, 'bytes');
    if (source === null) throw newException(TypeError, "from_bytes() missing required argument 'bytes' (pos 1)");
    if (source instanceof PyStr) throw newException(TypeError, "cannot convert 'str' object to bytes");
    const bytesObj = A.call(bytesType, [source]);
    const data = (bytesObj as PyBytes).data;
    decref(bytesObj);
    const bytes = order === 'little' ? [...data].reverse() : [...data];
    let v = 0n;
    for (const b of bytes) v = (v << 8n) | BigInt(b);
    if (signed && bytes.length > 0 && bytes[0] & 0x80) v -= 1n << BigInt(8 * bytes.length);
    const result = newIntValue(normalize(v));
    if (cls === intType) return result;
    try {
      return A.call(cls, [result]);
    } finally {
      decref(result);
    }
  },
});

defineGetSets(intType, {
  real: [(self) => newIntValue((self as PyInt).value)],
  imag: [() => newInt(0)],
  numerator: [(self) => newIntValue((self as PyInt).value)],
  denominator: [() => newInt(1)],
});

/** int(x) / int(s, base) conversion. */
export function intFromObject(x: PyObject, base: PyObject | null): IntValue {
  if (base !== null) {
    if (!(x instanceof PyStr) && !(x instanceof PyBytes)) throw newException(TypeError, "int() can't convert non-string with explicit base");
    const b = A.indexValue(base);
    const n = typeof b === 'bigint' ? -1 : b;
    return parseIntText(x instanceof PyStr ? x.value : String.fromCharCode(...x.data), n, x);
  }
  if (x instanceof PyInt) return x.value;
  if (x instanceof PyFloat) {
    const f = x.value;
    if (Number.isNaN(f)) throw newException(ValueError, 'cannot convert float NaN to integer');
    if (!Number.isFinite(f)) throw newException(OverflowError, 'cannot convert float infinity to integer');
    const t = Math.trunc(f);
    return Number.isSafeInteger(t) ? (t === 0 ? 0 : t) : normalize(BigInt(t));
  }
  if (x instanceof PyStr) return parseIntText(x.value, 10, x);
  if (x instanceof PyBytes) return parseIntText(String.fromCharCode(...x.data), 10, x);
  for (const name of ['__int__', '__index__', '__trunc__']) {
    const m = x.ob_type.lookup(name);
    if (m !== null) {
      if (name === '__trunc__') A.callSupport.warn(DeprecationWarning, 'The delegation of int() to __trunc__ is deprecated.');
      const r = A.callBound(m, x, []);
      if (!(r instanceof PyInt)) {
        const n = A.typeName(r);
        decref(r);
        throw newException(TypeError, `${name} returned non-int (type ${n})`);
      }
      const v = r.value;
      decref(r);
      return v;
    }
  }
  throw newException(TypeError, `int() argument must be a string, a bytes-like object or a real number, not '${A.typeName(x)}'`);
}

function parseIntText(text: string, base: number, orig: PyObject): IntValue {
  const r = parseIntLiteral(text, base, DEFAULT_MAX_STR_DIGITS);
  if (!(r instanceof NumericError)) return r;
  if (r.message.startsWith('invalid literal')) {
    throw newException(ValueError, `invalid literal for int() with base ${base}: ${A.repr(orig)}`);
  }
  throw newException(ValueError, r.message);
}

defineNew(intType, (_self, args, kwnames) => {
  const [pos, kw] = splitArgs(args, kwnames);
  const cls = pos[0] as PyType;
  for (const k of kw.keys()) {
    if (k !== 'base') throw newException(TypeError, `'${k}' is an invalid keyword argument for int()`);
  }
  if (pos.length > 3) throw newException(TypeError, `int() takes at most 2 arguments (${pos.length - 1} given)`);
  const x = pos.length > 1 ? pos[1] : null;
  const base = pos.length > 2 ? pos[2] : kw.get('base') ?? null;
  if (x === null && base !== null) throw newException(TypeError, 'int() missing string argument');
  const v = x === null ? 0 : intFromObject(x, base);
  if (cls === intType) return newIntValue(v);
  return newIntOfType(cls, v);
});

defineNew(boolType, (_self, args, kwnames) => {
  if (kwnames !== null && kwnames.length > 0) throw newException(TypeError, 'bool() takes no keyword arguments');
  if (args.length > 2) throw newException(TypeError, `bool expected at most 1 argument, got ${args.length - 1}`);
  return newBool(args.length > 1 ? A.isTrue(args[1]) : false);
});
/** bool_and/bool_or/bool_xor: a bool for two bools, else int's operation (NotImplemented for a non-int). */
function boolBitwise(op: number, combine: (a: boolean, b: boolean) => boolean): (self: PyObject, args: PyObject[]) => PyObject {
  return (self, args) => {
    const other = args[0];
    if (other.ob_type === boolType) return newBool(combine(self === True, other === True));
    return other instanceof PyInt ? intBinary((self as PyInt).value, other.value, op) : NI();
  };
}
const boolAnd = boolBitwise(1, (a, b) => a && b);
const boolOr = boolBitwise(7, (a, b) => a || b);
const boolXor = boolBitwise(12, (a, b) => a !== b);
defineMethods(boolType, {
  __repr__: intRepr,
  __and__: boolAnd,
  __rand__: boolAnd,
  __or__: boolOr,
  __ror__: boolOr,
  __xor__: boolXor,
  __rxor__: boolXor,
});
void False;
