// complex: a pair of IEEE doubles (Objects/complexobject.c). The type object, the constructor
// (numbers, strings in CPython's grammar, two arguments, __complex__) and the C-level arithmetic
// helpers (_Py_c_sum/diff/prod/quot/pow) that complexMethods.ts exposes as Python methods.
//
// Invariants: the arithmetic helpers are pure on [real, imag] pairs and report CPython's errno
// conditions as an ErrnoResult, so the operator methods raise the same exception types and texts.

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track } from '../memory/heap';

export class PyComplex extends PyObject {
  declare readonly real: number;
  declare readonly imag: number;
  constructor(type: PyType, real: number, imag: number) {
    super(type);
    this.real = real;
    this.imag = imag;
  }
}

export const complexType: PyType = makeStaticType('complex', undefined, { basicsize: 32 });

export function newComplex(real: number, imag: number): PyComplex {
  return track(new PyComplex(complexType, real, imag), 32);
}

export function newComplexOfType(type: PyType, real: number, imag: number): PyComplex {
  return type === complexType ? newComplex(real, imag) : track(new PyComplex(type, real, imag), 32);
}

export type Complex = readonly [number, number];

/** errno after a complex operation: EDOM (domain: division by zero) or ERANGE (overflow). */
export type Errno = 0 | 'EDOM' | 'ERANGE';

export function cSum(a: Complex, b: Complex): Complex {
  return [a[0] + b[0], a[1] + b[1]];
}

export function cDiff(a: Complex, b: Complex): Complex {
  return [a[0] - b[0], a[1] - b[1]];
}

export function cProd(a: Complex, b: Complex): Complex {
  return [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
}

/** _Py_c_quot: Smith's method, scaled by the larger component of the divisor. */
export function cQuot(a: Complex, b: Complex): [Complex, Errno] {
  const absReal = Math.abs(b[0]), absImag = Math.abs(b[1]);
  if (absReal >= absImag) {
    if (absReal === 0) return [[0, 0], 'EDOM'];
    const ratio = b[1] / b[0];
    const denom = b[0] + b[1] * ratio;
    return [[(a[0] + a[1] * ratio) / denom, (a[1] - a[0] * ratio) / denom], 0];
  }
  if (absImag >= absReal) {
    const ratio = b[0] / b[1];
    const denom = b[0] * ratio + b[1];
    return [[(a[0] * ratio + a[1]) / denom, (a[1] * ratio - a[0]) / denom], 0];
  }
  return [[NaN, NaN], 0];
}

/** _Py_c_pow: polar form. */
function cPowGeneral(a: Complex, b: Complex): [Complex, Errno] {
  if (b[0] === 0 && b[1] === 0) return [[1, 0], 0];
  if (a[0] === 0 && a[1] === 0) return [[0, 0], b[1] !== 0 || b[0] < 0 ? 'EDOM' : 0];
  const vabs = Math.hypot(a[0], a[1]);
  let len = Math.pow(vabs, b[0]);
  const at = Math.atan2(a[1], a[0]);
  let phase = at * b[0];
  if (b[1] !== 0) {
    len /= Math.exp(at * b[1]);
    phase += b[1] * Math.log(vabs);
  }
  return [[len * Math.cos(phase), len * Math.sin(phase)], 0];
}

/** c_powu: repeated squaring for a non-negative integer exponent. */
function cPowUnsigned(x: Complex, n: number): Complex {
  let r: Complex = [1, 0];
  let p = x;
  for (let mask = 1; mask > 0 && n >= mask; mask *= 2) {
    if (Math.floor(n / mask) % 2 === 1) r = cProd(r, p);
    p = cProd(p, p);
  }
  return r;
}

/** complex_pow's choice: small integral exponents by repeated squaring, others in polar form; then ERANGE on infinities. */
export function cPow(a: Complex, b: Complex): [Complex, Errno] {
  let result: Complex;
  let errno: Errno = 0;
  if (b[1] === 0 && b[0] === Math.floor(b[0]) && Math.abs(b[0]) <= 100) {
    const n = b[0];
    if (n > 0) result = cPowUnsigned(a, n);
    else [result, errno] = cQuot([1, 0], cPowUnsigned(a, -n));
  } else {
    [result, errno] = cPowGeneral(a, b);
  }
  if (Math.abs(result[0]) === Infinity || Math.abs(result[1]) === Infinity) {
    if (errno === 0) errno = 'ERANGE';
  }
  return [result, errno];
}

/** _Py_c_abs: hypot, with inf winning over nan and ERANGE when finite parts overflow. */
export function cAbs(z: Complex): [number, Errno] {
  const [re, im] = z;
  if (!Number.isFinite(re) || !Number.isFinite(im)) {
    if (Math.abs(re) === Infinity || Math.abs(im) === Infinity) return [Infinity, 0];
    return [NaN, 0];
  }
  const r = Math.hypot(re, im);
  return [r, Number.isFinite(r) ? 0 : 'ERANGE'];
}

// ---------------------------------------------------------------- parsing

const FLOAT_PREFIX = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|infinity|inf|nan)/i;
const SPACE = /[ \t\n\r\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/** _Py_string_to_number_with_underscores: underscores only between digits; null when misplaced. */
function removeUnderscores(s: string): string | null {
  if (!s.includes('_')) return s;
  let out = '';
  let prev = '';
  for (const c of s) {
    const digit = c >= '0' && c <= '9';
    if (c === '_') {
      if (!(prev >= '0' && prev <= '9')) return null;
    } else {
      if (prev === '_' && !digit) return null;
      out += c;
    }
    prev = c;
  }
  return prev === '_' ? null : out;
}

function parseDouble(s: string, at: number): [number, number] | null {
  const m = FLOAT_PREFIX.exec(s.slice(at));
  if (m === null) return null;
  const text = m[0].toLowerCase();
  const body = text.replace(/^[+-]/, '');
  const negative = text.startsWith('-');
  let value: number;
  if (body.startsWith('inf')) value = Infinity;
  else if (body === 'nan') value = NaN;
  else value = Number(body);
  return [negative ? -value : value, at + m[0].length];
}

/**
 * complex_from_string_helper: '<float>', '<float>j', '<float><signed-float>j', and the legacy
 * '<float><sign>j', '<sign>j', 'j', optionally in parentheses, surrounded by whitespace.
 * Null when the string is malformed, 'underscores' when an underscore is misplaced (a different message).
 */
export function parseComplex(text: string): Complex | null | 'underscores' {
  const cleaned = removeUnderscores(text);
  if (cleaned === null) return 'underscores';
  const s = cleaned;
  let i = 0;
  let end = s.length;
  while (i < end && SPACE.test(s[i])) i++;
  while (end > i && SPACE.test(s[end - 1])) end--;
  const body = s.slice(0, end);
  let gotBracket = false;
  if (body[i] === '(') {
    gotBracket = true;
    i++;
    while (i < end && SPACE.test(body[i])) i++;
  }
  let x = 0, y = 0;
  const first = parseDouble(body, i);
  const isJ = (c: string | undefined) => c === 'j' || c === 'J';
  if (first !== null) {
    i = first[1];
    if (body[i] === '+' || body[i] === '-') {
      x = first[0];
      const second = parseDouble(body, i);
      if (second !== null) {
        y = second[0];
        i = second[1];
      } else {
        y = body[i] === '+' ? 1 : -1;
        i++;
      }
      if (!isJ(body[i])) return null;
      i++;
    } else if (isJ(body[i])) {
      i++;
      y = first[0];
    } else {
      x = first[0];
    }
  } else {
    if (body[i] === '+' || body[i] === '-') {
      y = body[i] === '+' ? 1 : -1;
      i++;
    } else {
      y = 1;
    }
    if (!isJ(body[i])) return null;
    i++;
  }
  while (i < end && SPACE.test(body[i])) i++;
  if (gotBracket) {
    if (body[i] !== ')') return null;
    i++;
    while (i < end && SPACE.test(body[i])) i++;
  }
  return i === end ? [x, y] : null;
}
