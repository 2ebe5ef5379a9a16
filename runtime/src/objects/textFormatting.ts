// The bridge between the pure text formatters of runtime/src/text (format specs, printf-style `%`,
// str.format) and Python objects: it supplies their hosts (str(), repr(), int(), float(), item
// and attribute lookup through the object model) and turns their FormatError results into the
// Python exceptions CPython raises. The formatting rules themselves live in text/ only.
//
// Invariant: references taken while formatting (looked-up items, converted operands) are released
// before returning, also when the formatter or a user method raises.

import type { PyObject } from './pyobject';
import { PyStr, newStr } from './str';
import { PyInt } from './int';
import { PyFloat } from './float';
import { PyTuple } from './tuple';
import { newInt } from './int';
import {
  newException, ValueError, TypeError, OverflowError, MemoryError, IndexError, KeyError,
} from './exceptions';
import * as A from './abstract';
import { decref } from '../memory/heap';
import * as Spec from '../text/formatSpec';
import { FormatError, type IntValue } from '../text/formatSpec';
import { percentFormat as renderPercent, type PercentHost } from '../text/formatPercent';
import { renderFormatString, FormatIndexError, type StrFormatHost } from '../text/formatStrFormat';

const ERROR_TYPES = { ValueError, TypeError, OverflowError, MemoryError };

function check<T>(result: T | FormatError): T {
  if (result instanceof FormatError) throw newException(ERROR_TYPES[result.type], result.message);
  return result;
}

export function formatStr(s: string, spec: string): string {
  return spec === '' ? s : check(Spec.formatStr(s, spec));
}

export function formatInt(v: IntValue, spec: string, typeName = 'int'): string {
  return check(Spec.formatInt(v, spec, typeName));
}

export function formatFloat(x: number, spec: string, typeName = 'float'): string {
  return check(Spec.formatFloat(x, spec, typeName));
}

export function formatComplex(real: number, imag: number, spec: string): string {
  return check(Spec.formatComplex(real, imag, spec));
}

// ---------------------------------------------------------------- printf-style `%`

function callConversion(o: PyObject, name: string): PyObject | null {
  const m = o.ob_type.lookup(name);
  return m === null ? null : A.callBound(m, o, []);
}

/** Objects created while formatting (mapping lookups, int()/float() results), released at the end. */
class Owned {
  private readonly objects: PyObject[] = [];
  keep<T extends PyObject>(o: T): T {
    this.objects.push(o);
    return o;
  }
  release(): void {
    for (const o of this.objects) decref(o);
    this.objects.length = 0;
  }
}

function percentHost(owned: Owned, bytesMode: boolean): PercentHost<PyObject> {
  return {
    str: (v) => A.str(v),
    repr: (v) => A.repr(v),
    ascii: (v) => asciiOf(A.repr(v)),
    typeName: (v) => A.typeName(v),
    toInteger(v, indexOnly) {
      if (v instanceof PyInt) return v.value;
      if (!indexOnly && v instanceof PyFloat) {
        if (!Number.isFinite(v.value)) {
          throw newException(Number.isNaN(v.value) ? ValueError : OverflowError,
            Number.isNaN(v.value) ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer');
        }
        const t = Math.trunc(v.value);
        return Number.isSafeInteger(t) ? t : BigInt(t);
      }
      const r = (indexOnly ? null : callConversion(v, '__int__')) ?? callConversion(v, '__index__');
      if (r === null) return undefined;
      owned.keep(r);
      if (!(r instanceof PyInt)) throw newException(TypeError, `__int__ returned non-int (type ${A.typeName(r)})`);
      return r.value;
    },
    toFloat(v, forBytes) {
      try {
        if (v instanceof PyFloat) return v.value;
        if (v instanceof PyInt) return A.floatValue(v) ?? undefined;
        const r = callConversion(v, '__float__') ?? callConversion(v, '__index__');
        if (r === null) return undefined;
        owned.keep(r);
        return A.floatValue(r) ?? undefined;
      } catch (e) {
        if (forBytes) return undefined;
        throw e;
      }
    },
    exactInt: (v) => (v instanceof PyInt ? v.value : undefined),
    charSource(v) {
      if (v instanceof PyStr) return v.value;
      if (v instanceof PyInt) return v.value;
      if (!bytesMode && v.ob_type.lookup('__index__') !== null) return A.indexValue(v);
      if (bytesMode) {
        const b = bytesText(v);
        if (b !== undefined) return b;
      }
      return undefined;
    },
    getItem(mapping, key) {
      const k = bytesMode ? bytesFromLatin1(key) : newStr(key);
      try {
        return owned.keep(A.getItem(mapping, k));
      } finally {
        decref(k);
      }
    },
    bytesOf: (v) => bytesText(v),
  };
}

/** Hooks bytes.ts sets so `bytes % args` shares this bridge without an import cycle. */
export const bytesSupport = {
  /** A bytes-like object's content as a latin-1 string, or undefined. */
  text: (_o: PyObject): string | undefined => undefined,
  /** A new bytes object from a latin-1 string. */
  make: (_text: string): PyObject => { throw new Error('bytes support not wired'); },
};

function bytesText(v: PyObject): string | undefined {
  return bytesSupport.text(v);
}

function bytesFromLatin1(text: string): PyObject {
  return bytesSupport.make(text);
}

function asciiOf(r: string): string {
  let out = '';
  for (const ch of r) {
    const c = ch.codePointAt(0)!;
    if (c < 128) out += ch;
    else if (c < 256) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c < 0x10000) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += '\\U' + c.toString(16).padStart(8, '0');
  }
  return out;
}

function isMappingOperand(values: PyObject): boolean {
  // PyUnicode_Format: a mapping is anything with __getitem__ that is not a tuple or a str.
  return !(values instanceof PyTuple) && !(values instanceof PyStr) && values.ob_type.lookup('__getitem__') !== null
    && bytesText(values) === undefined;
}

/** `fmt % values` for str (and, with bytesMode, for bytes held as latin-1 text). */
export function percentFormat(fmt: string, values: PyObject, bytesMode = false): string {
  const owned = new Owned();
  try {
    const args = values instanceof PyTuple
      ? { tuple: values.items }
      : { single: values, isMapping: isMappingOperand(values) };
    return check(renderPercent(fmt, args, percentHost(owned, bytesMode), { bytes: bytesMode }));
  } finally {
    owned.release();
  }
}

// ---------------------------------------------------------------- str.format / format_map

/** Calls format(obj, spec) through the object's __format__, checking the result is a str. */
export function formatObject(obj: PyObject, spec: string): string {
  const m = obj.ob_type.lookup('__format__');
  if (m === null) throw newException(TypeError, `Type ${A.typeName(obj)} doesn't define __format__`);
  const s = newStr(spec);
  let r: PyObject;
  try {
    r = A.callBound(m, obj, [s]);
  } finally {
    decref(s);
  }
  if (!(r instanceof PyStr)) {
    const name = A.typeName(r);
    decref(r);
    throw newException(TypeError, `__format__ must return a str, not ${name}`);
  }
  const text = r.value;
  decref(r);
  return text;
}

/**
 * str.format(*args, **kwargs) when `mapping` is null, str.format_map(mapping) otherwise
 * (keyword lookups go through mapping[name], so __missing__ works).
 */
export function strFormat(fmt: string, args: readonly PyObject[], kw: Map<string, PyObject> | null, mapping: PyObject | null = null): string {
  const owned = new Owned();
  const host: StrFormatHost<PyObject> = {
    positional: (index) => args[index],
    hasPositional: mapping === null,
    keyword(name) {
      if (mapping !== null) {
        const k = newStr(name);
        try {
          return owned.keep(A.getItem(mapping, k));
        } finally {
          decref(k);
        }
      }
      const v = kw?.get(name);
      if (v === undefined) throw newException(KeyError, newStr(name));
      return v;
    },
    getAttribute: (obj, name) => owned.keep(A.getAttr(obj, name)),
    getItem(obj, key) {
      const k = typeof key === 'number' ? newInt(key) : newStr(key);
      try {
        return owned.keep(A.getItem(obj, k));
      } finally {
        decref(k);
      }
    },
    convert(obj, conversion) {
      if (conversion === 'r') return owned.keep(A.reprObj(obj));
      if (conversion === 's') return owned.keep(A.strObj(obj));
      return owned.keep(newStr(asciiOf(A.repr(obj))));
    },
    format: (obj, spec) => formatObject(obj, spec),
  };
  try {
    const result = renderFormatString(fmt, host);
    if (result instanceof FormatIndexError) throw newException(IndexError, result.message);
    return check(result);
  } finally {
    owned.release();
  }
}
