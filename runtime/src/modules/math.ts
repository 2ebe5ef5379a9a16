// The math module (Modules/mathmodule.c): float functions through the correctly rounded libm
// port (random/libm.ts) with CPython's error rules ("math domain error" when a finite input gives
// NaN, "math range error" when it overflows), and the exact integer functions on bigints.

import type { PyObject } from '../objects/pyobject';
import { PyInt, newInt, newIntValue, toBig, normalize, type IntValue } from '../objects/int';
import { newFloat, PyFloat } from '../objects/float';
import { newBool } from '../objects/bool';
import { None } from '../objects/none';
import { newTupleSteal } from '../objects/tuple';
import { newException, ValueError, OverflowError, TypeError, ZeroDivisionError } from '../objects/exceptions';
import { splitArgs } from '../objects/define';
import * as A from '../objects/abstract';
import { decref, newRef } from '../memory/heap';
import * as libm from './random/libm';
import { nativeModule, floatArg, expectArgs } from './nativeModule';
import type { Interpreter } from '../vm/interpreter';

const domainError = () => newException(ValueError, 'math domain error');
const rangeError = () => newException(OverflowError, 'math range error');

/** math_1: apply f, turning NaN-from-non-NaN into a domain error and overflow into a range error. */
function math1(f: (x: number) => number, canOverflow: boolean) {
  return (x: number): number => {
    const r = f(x);
    if (Number.isNaN(r) && !Number.isNaN(x)) throw domainError();
    if (!Number.isFinite(r) && Number.isFinite(x) && !Number.isNaN(r)) throw canOverflow ? rangeError() : domainError();
    return r;
  };
}

/** An exact integer from a float, with CPython's errors for infinities and NaN. */
export function floatToInt(x: number): PyObject {
  if (Number.isNaN(x)) throw newException(ValueError, 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw newException(OverflowError, 'cannot convert float infinity to integer');
  if (Number.isSafeInteger(x)) return newInt(x === 0 ? 0 : x);
  return newIntValue(normalize(BigInt(x)));
}

function intArg(o: PyObject): IntValue {
  if (o instanceof PyInt) return o.value;
  if (o instanceof PyFloat) throw newException(TypeError, "'float' object cannot be interpreted as an integer");
  return A.indexValue(o);
}

function bigSqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  // Newton's correction from the float estimate, started from above (one Newton step from any
  // positive guess overshoots the root), so the iteration decreases to floor(sqrt(n)).
  if (x === 0n) x = 1n;
  x = (x + n / x) / 2n + 1n;
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) break;
    x = y;
  }
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x;
}

function bigAbs(v: bigint): bigint {
  return v < 0n ? -v : v;
}

function gcd2(a: bigint, b: bigint): bigint {
  a = bigAbs(a);
  b = bigAbs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Natural log of a positive int of any size (CPython's loghelper). */
function logOfInt(v: IntValue): number {
  const big = toBig(v);
  if (big <= 0n) throw domainError();
  const bits = big.toString(2).length;
  if (bits <= 1000) return libm.log(Number(big));
  const shift = BigInt(bits - 60);
  return libm.log(Number(big >> shift)) + Number(shift) * Math.LN2;
}

function logArg(o: PyObject): number {
  if (o instanceof PyInt) return logOfInt(o.value);
  const x = floatArg(o);
  if (Number.isNaN(x)) return x;
  if (x <= 0) throw domainError();
  return libm.log(x);
}

function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  let e = (buf.getUint16(0) >> 4) & 0x7ff;
  if (e === 0) {
    const [m, e2] = frexp(x * 2 ** 64);
    return [m, e2 - 64];
  }
  e -= 1022;
  buf.setUint16(0, (buf.getUint16(0) & 0x800f) | (1022 << 4));
  return [buf.getFloat64(0), e];
}

function ldexp(m: number, e: number): number {
  if (m === 0 || !Number.isFinite(m)) return m;
  // Split the scaling so intermediate powers of two stay representable.
  let r = m;
  while (e > 1000) { r *= 2 ** 1000; e -= 1000; }
  while (e < -1000) { r *= 2 ** -1000; e += 1000; if (r === 0) return r; }
  if (e < -1022) {
    // Round once, at the final subnormal scale.
    return (r * 2 ** (e + 60)) * 2 ** -60;
  }
  return r * 2 ** e;
}

export function makeMath(_interp: Interpreter) {
  const b = nativeModule('math');
  const f1 = (name: string, f: (x: number) => number, canOverflow = false) => {
    const g = math1(f, canOverflow);
    b.def(name, (_s, args, kw) => {
      expectArgs(name, args, kw, 1);
      return newFloat(g(floatArg(args[0])));
    });
  };
  f1('sqrt', Math.sqrt);
  f1('exp', libm.exp, true);
  f1('exp2', libm.exp2, true);
  f1('expm1', libm.expm1, true);
  f1('log2', (x) => (x <= 0 ? NaN : libm.log2(x)));
  f1('log10', (x) => (x <= 0 ? NaN : libm.log10(x)));
  f1('log1p', (x) => (x <= -1 ? NaN : libm.log1p(x)));
  f1('sin', libm.sin);
  f1('cos', libm.cos);
  f1('tan', libm.tan);
  f1('asin', libm.asin);
  f1('acos', libm.acos);
  f1('atan', libm.atan);
  f1('sinh', Math.sinh, true);
  f1('cosh', Math.cosh, true);
  f1('tanh', Math.tanh);
  f1('asinh', Math.asinh);
  f1('acosh', Math.acosh);
  f1('atanh', (x) => (Math.abs(x) >= 1 ? NaN : Math.atanh(x)));
  f1('fabs', Math.abs);
  f1('cbrt', libm.cbrt);
  f1('degrees', (x) => x * (180.0 / Math.PI));
  f1('radians', (x) => x * (Math.PI / 180.0));
  f1('erf', erf);
  f1('erfc', (x) => 1 - erf(x));

  const intOrFloat = (name: string, dunder: string, op: (x: number) => number) => {
    b.def(name, (_s, args, kw) => {
      expectArgs(name, args, kw, 1);
      const x = args[0];
      if (x instanceof PyInt) return newIntValue(x.value);
      if (!(x instanceof PyFloat)) {
        const r = A.callMethodIfPresent(x, dunder, []);
        if (r !== null) return r;
      }
      return floatToInt(op(floatArg(x)));
    });
  };
  intOrFloat('floor', '__floor__', Math.floor);
  intOrFloat('ceil', '__ceil__', Math.ceil);
  intOrFloat('trunc', '__trunc__', Math.trunc);

  b.def('log', (_s, args, kw) => {
    expectArgs('log', args, kw, 1, 2);
    const num = logArg(args[0]);
    if (args.length === 1) return newFloat(num);
    const den = logArg(args[1]);
    if (den === 0) throw newException(ZeroDivisionError, 'float division by zero');
    return newFloat(num / den);
  });
  b.def('pow', (_s, args, kw) => {
    expectArgs('pow', args, kw, 2);
    const x = floatArg(args[0]);
    const y = floatArg(args[1]);
    if (x === 0 && y < 0 && Number.isFinite(y)) throw domainError();
    if (x < 0 && Number.isFinite(x) && Number.isFinite(y) && !Number.isInteger(y)) throw domainError();
    const r = x === 1 || y === 0 ? 1 : libm.pow(x, y);
    if (!Number.isFinite(r) && !Number.isNaN(r) && Number.isFinite(x) && Number.isFinite(y)) throw rangeError();
    return newFloat(r);
  });
  b.def('atan2', (_s, args, kw) => {
    expectArgs('atan2', args, kw, 2);
    return newFloat(libm.atan2(floatArg(args[0]), floatArg(args[1])));
  });
  b.def('copysign', (_s, args, kw) => {
    expectArgs('copysign', args, kw, 2);
    const x = Math.abs(floatArg(args[0]));
    const y = floatArg(args[1]);
    return newFloat(y < 0 || Object.is(y, -0) || (Number.isNaN(y) && false) ? -x : x);
  });
  b.def('fmod', (_s, args, kw) => {
    expectArgs('fmod', args, kw, 2);
    const x = floatArg(args[0]);
    const y = floatArg(args[1]);
    if (!Number.isFinite(x) && !Number.isNaN(x) && !Number.isNaN(y)) throw domainError();
    if (y === 0 && !Number.isNaN(x)) throw domainError();
    return newFloat(x % y);
  });
  b.def('modf', (_s, args, kw) => {
    expectArgs('modf', args, kw, 1);
    const x = floatArg(args[0]);
    if (!Number.isFinite(x)) return newTupleSteal([newFloat(Number.isNaN(x) ? x : x > 0 ? 0 : -0), newFloat(x)]);
    const i = Math.trunc(x);
    const frac = x - i;
    return newTupleSteal([newFloat(frac === 0 && (x < 0 || Object.is(x, -0)) ? -0 : frac), newFloat(i)]);
  });
  b.def('frexp', (_s, args, kw) => {
    expectArgs('frexp', args, kw, 1);
    const [m, e] = frexp(floatArg(args[0]));
    return newTupleSteal([newFloat(m), newInt(e)]);
  });
  b.def('ldexp', (_s, args, kw) => {
    expectArgs('ldexp', args, kw, 2);
    const x = floatArg(args[0]);
    const e = toBig(intArg(args[1]));
    const clamped = e > 100000n ? 100000 : e < -100000n ? -100000 : Number(e);
    const r = ldexp(x, clamped);
    if (!Number.isFinite(r) && Number.isFinite(x)) throw rangeError();
    return newFloat(r);
  });
  b.def('hypot', (_s, args, kw) => {
    expectArgs('hypot', args, kw, 0, Infinity);
    return newFloat(libm.hypot(...args.map(floatArg)));
  });
  b.def('dist', (_s, args, kw) => {
    expectArgs('dist', args, kw, 2);
    const p = A.toArray(args[0]).map((o) => { const v = floatArg(o); decref(o); return v; });
    const q = A.toArray(args[1]).map((o) => { const v = floatArg(o); decref(o); return v; });
    if (p.length !== q.length) throw newException(ValueError, 'both points must have the same number of dimensions');
    return newFloat(libm.hypot(...p.map((x, i) => x - q[i])));
  });
  b.def('fsum', (_s, args, kw) => {
    expectArgs('fsum', args, kw, 1);
    const values: number[] = [];
    A.forEach(args[0], (o) => values.push(floatArg(o)));
    const r = libm.fsum(values);
    if (r instanceof libm.MathError) throw newException(r.type === 'ValueError' ? ValueError : OverflowError, r.message);
    return newFloat(r);
  });
  const predicate = (name: string, p: (x: number) => boolean) =>
    b.def(name, (_s, args, kw) => {
      expectArgs(name, args, kw, 1);
      return newBool(p(floatArg(args[0])));
    });
  predicate('isnan', Number.isNaN);
  predicate('isinf', (x) => x === Infinity || x === -Infinity);
  predicate('isfinite', Number.isFinite);
  b.def('isclose', (_s, allArgs, kwnames) => {
    const [args, kw] = splitArgs(allArgs, kwnames);
    if (args.length !== 2) throw newException(TypeError, `isclose() takes exactly 2 positional arguments (${args.length} given)`);
    const a = floatArg(args[0]);
    const c = floatArg(args[1]);
    const relTol = kw.has('rel_tol') ? floatArg(kw.get('rel_tol')!) : 1e-9;
    const absTol = kw.has('abs_tol') ? floatArg(kw.get('abs_tol')!) : 0.0;
    if (relTol < 0 || absTol < 0) throw newException(ValueError, 'tolerances must be non-negative');
    if (a === c) return newBool(true);
    if (!Number.isFinite(a) || !Number.isFinite(c)) return newBool(false);
    const diff = Math.abs(c - a);
    return newBool(diff <= Math.abs(relTol * c) || diff <= Math.abs(relTol * a) || diff <= absTol);
  });

  // Exact integer functions.
  b.def('factorial', (_s, args, kw) => {
    expectArgs('factorial', args, kw, 1);
    const n = toBig(intArg(args[0]));
    if (n < 0n) throw newException(ValueError, 'factorial() not defined for negative values');
    let r = 1n;
    for (let i = 2n; i <= n; i++) r *= i;
    return newIntValue(normalize(r));
  });
  b.def('isqrt', (_s, args, kw) => {
    expectArgs('isqrt', args, kw, 1);
    const n = toBig(intArg(args[0]));
    if (n < 0n) throw newException(ValueError, 'isqrt() argument must be nonnegative');
    return newIntValue(normalize(bigSqrt(n)));
  });
  b.def('gcd', (_s, args, kw) => {
    expectArgs('gcd', args, kw, 0, Infinity);
    let g = 0n;
    for (const a of args) g = gcd2(g, toBig(intArg(a)));
    return newIntValue(normalize(g));
  });
  b.def('lcm', (_s, args, kw) => {
    expectArgs('lcm', args, kw, 0, Infinity);
    let l = 1n;
    for (const a of args) {
      const v = bigAbs(toBig(intArg(a)));
      if (v === 0n || l === 0n) l = 0n;
      else l = (l / gcd2(l, v)) * v;
    }
    return newIntValue(normalize(l));
  });
  const permComb = (name: string, comb: boolean) =>
    b.def(name, (_s, args, kw) => {
      expectArgs(name, args, kw, comb ? 2 : 1, 2);
      const n = toBig(intArg(args[0]));
      if (args.length === 1 || args[1] === None) {
        if (n < 0n) throw newException(ValueError, 'n must be a non-negative integer');
        let r = 1n;
        for (let i = 2n; i <= n; i++) r *= i;
        return newIntValue(normalize(r));
      }
      let k = toBig(intArg(args[1]));
      if (n < 0n) throw newException(ValueError, 'n must be a non-negative integer');
      if (k < 0n) throw newException(ValueError, 'k must be a non-negative integer');
      if (k > n) return newInt(0);
      if (comb && n - k < k) k = n - k;
      let r = 1n;
      for (let i = 0n; i < k; i++) {
        r *= n - i;
        if (comb) r /= i + 1n;
      }
      return newIntValue(normalize(r));
    });
  permComb('comb', true);
  permComb('perm', false);
  b.def('prod', (_s, allArgs, kwnames) => {
    const [args, kw] = splitArgs(allArgs, kwnames);
    if (args.length !== 1) throw newException(TypeError, `prod() takes exactly 1 positional argument (${args.length} given)`);
    let acc: PyObject = kw.has('start') ? newRef(kw.get('start')!) : newInt(1);
    A.forEach(args[0], (item) => {
      const next = A.binaryOp(acc, item, A.NB_MULTIPLY);
      decref(acc);
      acc = next;
    });
    return acc;
  });
  b.put('pi', newFloat(Math.PI));
  b.put('e', newFloat(Math.E));
  b.put('tau', newFloat(2 * Math.PI));
  b.put('inf', newFloat(Infinity));
  b.put('nan', newFloat(NaN));
  return b.module;
}

/** erf by the series/continued fraction split CPython used before libm's (pre-3.11 _erf). */
function erf(x: number): number {
  if (Number.isNaN(x)) return x;
  const absx = Math.abs(x);
  if (absx < 1.5) {
    // Taylor series around 0.
    let acc = 0;
    const x2 = x * x;
    for (let i = 25; i >= 1; i--) acc = 2 + x2 * acc / (i + 0.5);
    return acc * x * Math.exp(-x2) / Math.sqrt(Math.PI);
  }
  if (absx >= 30) return x > 0 ? 1 : -1;
  let a = 0, da = 0.5, p = 1, pLast = 0, q = da + x * x, qLast = 1;
  for (let i = 0; i < 50; i++) {
    a += da;
    da += 2;
    const b2 = da + x * x;
    let temp = p; p = b2 * p - a * pLast; pLast = temp;
    temp = q; q = b2 * q - a * qLast; qLast = temp;
  }
  const cf = p / q * absx * Math.exp(-x * x) / Math.sqrt(Math.PI);
  return x > 0 ? 1 - cf : cf - 1;
}
