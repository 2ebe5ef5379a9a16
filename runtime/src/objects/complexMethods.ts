// complex's Python-visible methods (Objects/complexobject.c): arithmetic with int/float/complex
// operands (converted to complex first, as 3.11 does), ==/!= only, repr/str/format, hash, the
// real/imag members, conjugate, __complex__, and complex(real, imag) construction.

import type { PyObject } from './pyobject';
import type { PyType } from './typeobject';
import {
  PyComplex, complexType, newComplex, newComplexOfType, cSum, cDiff, cProd, cQuot, cPow, cAbs,
  parseComplex, type Complex,
} from './complex';
import { PyInt, newIntValue } from './int';
import { PyFloat, newFloat } from './float';
import { PyStr, newStr } from './str';
import { newBool } from './bool';
import { newTupleSteal } from './tuple';
import { NotImplemented, None } from './none';
import { defineMethods, defineNew, defineGetSets, splitArgs } from './define';
import { newException, ZeroDivisionError, ValueError, TypeError, OverflowError, DeprecationWarning } from './exceptions';
import * as A from './abstract';
import { newRef, decref } from '../memory/heap';
import { doubleToString } from '../text/formatFloat';
import { reprStr } from '../text/repr';
import { hashComplex } from '../hashing/hash';
import { formatComplex } from './textFormatting';

const NI = () => newRef(NotImplemented);

/** TO_COMPLEX: a complex's value, an int's or float's as (x, 0.0), or null (NotImplemented). */
function toComplex(o: PyObject): Complex | null {
  if (o instanceof PyComplex) return [o.real, o.imag];
  if (o instanceof PyFloat) return [o.value, 0];
  if (o instanceof PyInt) return [A.floatValue(o)!, 0];
  return null;
}

function value(self: PyObject): Complex {
  const c = self as PyComplex;
  return [c.real, c.imag];
}

function make(z: Complex): PyObject {
  return newComplex(z[0], z[1]);
}

function quotient(a: Complex, b: Complex): PyObject {
  const [r, errno] = cQuot(a, b);
  if (errno === 'EDOM') throw newException(ZeroDivisionError, 'complex division by zero');
  return make(r);
}

function power(a: Complex, b: Complex, mod: PyObject | undefined): PyObject {
  if (mod !== undefined && mod !== None) throw newException(ValueError, 'complex modulo');
  const [r, errno] = cPow(a, b);
  if (errno === 'EDOM') throw newException(ZeroDivisionError, '0.0 to a negative or complex power');
  if (errno === 'ERANGE') throw newException(OverflowError, 'complex exponentiation');
  return make(r);
}

type Binary = (a: Complex, b: Complex, mod?: PyObject) => PyObject;
const binaries: [string, Binary][] = [
  ['add', (a, b) => make(cSum(a, b))],
  ['sub', (a, b) => make(cDiff(a, b))],
  ['mul', (a, b) => make(cProd(a, b))],
  ['truediv', quotient],
  ['pow', power],
];

const methods: Record<string, (self: PyObject, args: PyObject[], kwnames: string[] | null) => PyObject> = {};
for (const [name, fn] of binaries) {
  methods[`__${name}__`] = (self, args) => {
    const b = toComplex(args[0]);
    return b === null ? NI() : fn(value(self), b, args[1]);
  };
  methods[`__r${name}__`] = (self, args) => {
    const a = toComplex(args[0]);
    return a === null ? NI() : fn(a, value(self), args[1]);
  };
}

/** complex_richcompare: only == and !=; an int compares exactly against the real part. */
function equals(self: PyObject, other: PyObject): boolean | null {
  const z = self as PyComplex;
  if (other instanceof PyInt) {
    if (z.imag !== 0) return false;
    const real = newFloat(z.real);
    try {
      return A.compareBool(real, other, A.EQ);
    } finally {
      decref(real);
    }
  }
  if (other instanceof PyFloat) return z.imag === 0 && z.real === other.value;
  if (other instanceof PyComplex) return z.real === other.real && z.imag === other.imag;
  return null;
}

/** repr/str: "<imag>j" when the real part is +0.0, else "(<real><signed imag>j)", shortest digits. */
export function reprComplex(real: number, imag: number): string {
  if (real === 0 && !Object.is(real, -0)) return doubleToString(imag, 'r', 0) + 'j';
  return '(' + doubleToString(real, 'r', 0) + doubleToString(imag, 'r', 0, { sign: true }) + 'j)';
}

defineMethods(complexType, {
  ...methods,
  __eq__: (self, args) => {
    const r = equals(self, args[0]);
    return r === null ? NI() : newBool(r);
  },
  __ne__: (self, args) => {
    const r = equals(self, args[0]);
    return r === null ? NI() : newBool(!r);
  },
  __lt__: () => NI(), __le__: () => NI(), __gt__: () => NI(), __ge__: () => NI(),
  __neg__: (self) => { const [re, im] = value(self); return newComplex(-re, -im); },
  __pos__: (self) => { const [re, im] = value(self); return newComplex(re, im); },
  __abs__: (self) => {
    const [r, errno] = cAbs(value(self));
    if (errno === 'ERANGE') throw newException(OverflowError, 'absolute value too large');
    return newFloat(r);
  },
  __bool__: (self) => { const [re, im] = value(self); return newBool(re !== 0 || im !== 0); },
  __hash__: (self) => { const [re, im] = value(self); return newIntValue(hashComplex(re, im, self.ob_addr)); },
  __repr__: (self) => { const [re, im] = value(self); return newStr(reprComplex(re, im)); },
  __format__: (self, args) => {
    if (!(args[0] instanceof PyStr)) throw newException(TypeError, `__format__() argument must be str, not ${A.typeName(args[0])}`);
    const spec = args[0].value;
    if (spec === '') return A.strObj(self);
    const [re, im] = value(self);
    return newStr(formatComplex(re, im, spec));
  },
  __complex__: (self) => { const [re, im] = value(self); return newComplex(re, im); },
  __getnewargs__: (self) => { const [re, im] = value(self); return newTupleSteal([newFloat(re), newFloat(im)]); },
  conjugate: (self) => { const [re, im] = value(self); return newComplex(re, -im); },
});

A.setComplexHash(complexType.lookup('__hash__'));

defineGetSets(complexType, {
  real: [(self) => newFloat((self as PyComplex).real)],
  imag: [(self) => newFloat((self as PyComplex).imag)],
});

// ---------------------------------------------------------------- construction

/** try_complex_special_method: the result of o.__complex__(), or null when o has none. */
function complexSpecial(o: PyObject): Complex | null {
  const m = o.ob_type.lookup('__complex__');
  if (m === null) return null;
  const r = A.callBound(m, o, []);
  try {
    if (!(r instanceof PyComplex)) throw newException(TypeError, `__complex__ returned non-complex (type ${A.typeName(r)})`);
    if (r.ob_type !== complexType) {
      A.callSupport.warn(DeprecationWarning, `__complex__ returned non-complex (type ${A.typeName(r)}).  ` +
        'The ability to return an instance of a strict subclass of complex is deprecated, and may be removed in a future version of Python.');
    }
    return [r.real, r.imag];
  } finally {
    decref(r);
  }
}

function isNumber(o: PyObject): boolean {
  const t = o.ob_type;
  return o instanceof PyInt || o instanceof PyFloat || o instanceof PyComplex
    || t.lookup('__float__') !== null || t.lookup('__index__') !== null || t.lookup('__complex__') !== null;
}

/** PyFloat_AsDouble on a number that is not complex. */
function realPart(o: PyObject): number {
  const direct = A.floatValue(o);
  if (direct !== null) return direct;
  const m = o.ob_type.lookup('__float__') ?? o.ob_type.lookup('__index__');
  if (m === null) throw newException(TypeError, `must be real number, not ${A.typeName(o)}`);
  const r = A.callBound(m, o, []);
  try {
    const v = A.floatValue(r);
    if (v === null) throw newException(TypeError, `${A.typeName(o)}.__float__ returned non-float (type ${A.typeName(r)})`);
    return v;
  } finally {
    decref(r);
  }
}

function fromString(cls: PyType, text: string): PyObject {
  const z = parseComplex(text);
  if (z === 'underscores') throw newException(ValueError, `could not convert string to complex: ${reprStr(text)}`);
  if (z === null) throw newException(ValueError, 'complex() arg is a malformed string');
  return newComplexOfType(cls, z[0], z[1]);
}

/** complex_new_impl: complex(real=0, imag=0). */
defineNew(complexType, (_self, args, kwnames) => {
  const [positional, kw] = splitArgs(args, kwnames);
  const cls = positional[0] as PyType;
  if (positional.length > 3) throw newException(TypeError, `complex() takes at most 2 arguments (${positional.length - 1} given)`);
  for (const name of kw.keys()) {
    if (name !== 'real' && name !== 'imag') throw newException(TypeError, `complex() got an unexpected keyword argument '${name}'`);
  }
  let r: PyObject | undefined = positional[1];
  let i: PyObject | undefined = positional[2];
  if (kw.has('real')) {
    if (r !== undefined) throw newException(TypeError, "argument for complex() given by name ('real') and position (1)");
    r = kw.get('real');
  }
  if (kw.has('imag')) {
    if (i !== undefined) throw newException(TypeError, "argument for complex() given by name ('imag') and position (2)");
    i = kw.get('imag');
  }
  if (r !== undefined && r instanceof PyStr) {
    if (i !== undefined) throw newException(TypeError, "complex() can't take second arg if first is a string");
    return fromString(cls, r.value);
  }
  if (i !== undefined && i instanceof PyStr) throw newException(TypeError, "complex() second arg can't be a string");
  if (r !== undefined && i === undefined && r.ob_type === complexType && cls === complexType) return newRef(r);
  let cr: Complex = [0, 0];
  let crIsComplex = false;
  if (r !== undefined) {
    const special = complexSpecial(r);
    if (special !== null) {
      cr = special;
      crIsComplex = true;
    } else if (!isNumber(r)) {
      throw newException(TypeError, `complex() first argument must be a string or a number, not '${A.typeName(r)}'`);
    } else if (r instanceof PyComplex) {
      cr = [r.real, r.imag];
      crIsComplex = true;
    } else {
      cr = [realPart(r), 0];
    }
  }
  let ci: Complex = [0, 0];
  let ciIsComplex = false;
  if (i !== undefined) {
    if (!isNumber(i)) throw newException(TypeError, `complex() second argument must be a number, not '${A.typeName(i)}'`);
    if (i instanceof PyComplex) {
      ci = [i.real, i.imag];
      ciIsComplex = true;
    } else {
      ci = [realPart(i), 0];
    }
  }
  let real = cr[0];
  let imag = ci[0];
  if (ciIsComplex) real -= ci[1];
  if (crIsComplex && i !== undefined) imag += cr[1];
  else if (crIsComplex) imag = cr[1];
  return newComplexOfType(cls, real, imag);
});
