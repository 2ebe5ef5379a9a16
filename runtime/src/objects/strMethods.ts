// str's Python-visible methods (Objects/unicodeobject.c), printf-style `%` formatting and
// str.format (Objects/stringlib/unicode_format.h).

import { PyObject } from './pyobject';
import type { PyType } from './typeobject';
import { PyStr, strType, newStr, newStrOfType, emptyStr, isAstral, codePointsOf, codePointLength, unitOffset, codePointOffset, compareStrings } from './str';
import { PyInt, newInt, newIntValue } from './int';
import { PyFloat } from './float';
import { newBool } from './bool';
import { PyTuple, newTupleSteal } from './tuple';
import { PyList, newListSteal } from './list';
import { PyDict, newDict } from './dict';
import { PySlice, adjustIndices } from './slice';
import { NotImplemented, None } from './none';
import { defineMethods, defineNew, splitArgs, defineAttr, arity } from './define';
import { newException, ValueError, TypeError, IndexError, KeyError, OverflowError, MemoryError, LookupError } from './exceptions';
import * as A from './abstract';
import { newRef, decref, basicSizeOf } from '../memory/heap';
import { reprStr } from '../text/repr';
import { formatStr, percentFormat, strFormat } from './textFormatting';
export { percentFormat, strFormat };
import { newIterator } from './iterator';
import { newBytes, PyBytes } from './bytes';
import { decodeWith, encodeWith } from './bytesMethods';
import { newBuiltinFunction, type NativeMethod } from './builtinFunction';
import * as U from './unicodeProperties';

A.setReprStr(reprStr);

const NI = () => newRef(NotImplemented);
const sv = (o: PyObject) => (o as PyStr).value;

function strArg(o: PyObject, what: string): string {
  if (!(o instanceof PyStr)) throw newException(TypeError, `${what} must be str, not ${A.typeName(o)}`);
  return o.value;
}

export function asciiRepr(r: string): string {
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

function optIndex(o: PyObject | undefined): number | null {
  if (o === undefined || o === None) return null;
  if (!(o instanceof PyInt) && o.ob_type.lookup('__index__') === null) {
    throw newException(TypeError, 'slice indices must be integers or None or have an __index__ method');
  }
  const v = A.indexValue(o);
  return typeof v === 'bigint' ? (v > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER) : v;
}

function findArgs(self: PyObject, args: PyObject[], name: string): [string, string, number, number] {
  const s = sv(self);
  if (args.length === 0) throw newException(TypeError, `${name}() takes at least 1 argument (0 given)`);
  if (!(args[0] instanceof PyStr)) throw newException(TypeError, `must be str, not ${A.typeName(args[0])}`);
  return [s, (args[0] as PyStr).value, ...unitRange(self as PyStr, args[1], args[2])];
}

/** str[start:end] bounds for the search methods, as UTF-16 offsets (converted for astral text). */
function unitRange(self: PyStr, start: PyObject | undefined, end: PyObject | undefined): [number, number] {
  // ADJUST_INDICES: the end is clamped to the length, the start only from below, so a start past
  // the end still fails the searches (find('', 10) is -1).
  const s = self.value;
  const astral = isAstral(self);
  const len = astral ? codePointLength(s) : s.length;
  let lo = optIndex(start) ?? 0, hi = optIndex(end) ?? len;
  if (hi > len) hi = len;
  else if (hi < 0) hi = Math.max(0, hi + len);
  if (lo < 0) lo = Math.max(0, lo + len);
  if (!astral) return [lo, hi];
  return [lo > len ? s.length + 1 : unitOffset(s, lo), unitOffset(s, hi)];
}

/** A UTF-16 result offset as Python's index. */
function resultIndex(self: PyObject, unit: number): number {
  return unit < 0 || !isAstral(self as PyStr) ? unit : codePointOffset(sv(self), unit);
}

const WS = /^[ \t\n\r\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
const WS_END = /[ \t\n\r\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/;

function stripChars(s: string, chars: PyObject | undefined, left: boolean, right: boolean): string {
  if (chars === undefined || chars === None) {
    if (left) s = s.replace(WS, '');
    if (right) s = s.replace(WS_END, '');
    return s;
  }
  if (!(chars instanceof PyStr)) throw newException(TypeError, `${left && right ? 'strip' : left ? 'lstrip' : 'rstrip'} arg must be None or str`);
  const set = chars.value;
  let i = 0, j = s.length;
  if (left) while (i < j && set.includes(s[i])) i++;
  if (right) while (j > i && set.includes(s[j - 1])) j--;
  return s.slice(i, j);
}

function splitWhitespace(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = 0;
  const n = s.length;
  const isWs = (c: string) => WS.test(c);
  while (i < n) {
    while (i < n && isWs(s[i])) i++;
    if (i >= n) break;
    if (maxsplit >= 0 && out.length === maxsplit) {
      out.push(s.slice(i));
      return out;
    }
    let j = i;
    while (j < n && !isWs(s[j])) j++;
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}

/** What PyObject_GetIter accepts (PySequence_Fast's callers give their own error text). */
function isIterable(o: PyObject): boolean {
  const iter = o.ob_type.lookup('__iter__');
  return iter !== null ? iter !== None : o.ob_type.lookup('__getitem__') !== null;
}

function separatorArg(o: PyObject): string {
  if (!(o instanceof PyStr)) throw newException(TypeError, `must be str, not ${A.typeName(o)}`);
  return o.value;
}

function strList(items: string[]): PyObject {
  return newListSteal(items.map((x) => newStr(x)));
}


/** do_strip & co: an exact str with nothing to remove is returned itself. */
function unchangedOrNew(self: PyObject, result: string): PyObject {
  return result === sv(self) && self.ob_type === strType ? newRef(self) : newStr(result);
}

function getItem(self: PyObject, key: PyObject): PyObject {
  if (isAstral(self as PyStr)) return getItemAstral(self, key);
  const s = sv(self);
  if (key instanceof PySlice) {
    const step = key.step === None ? 1 : Number(A.indexValue(key.step));
    if (step === 0) throw newException(ValueError, 'slice step cannot be zero');
    const [lo, hi, n] = adjustIndices(s.length, optIndex(key.start), optIndex(key.stop), step);
    // unicode_subscript: the whole of an exact str is the str itself.
    if (step === 1) return lo === 0 && hi === s.length && self.ob_type === strType ? newRef(self) : newStr(s.slice(lo, hi));
    let out = '';
    for (let i = 0, k = lo; i < n; i++, k += step) out += s[k];
    return newStr(out);
  }
  if (!(key instanceof PyInt) && key.ob_type.lookup('__index__') === null) {
    throw newException(TypeError, `string indices must be integers, not '${A.typeName(key)}'`);
  }
  let i = Number(A.indexValue(key));
  if (i < 0) i += s.length;
  if (i < 0 || i >= s.length) throw newException(IndexError, 'string index out of range');
  return newStr(s[i]);
}

/** str[key] on text with surrogate pairs: the same rules over its code points. */
function getItemAstral(self: PyObject, key: PyObject): PyObject {
  const chars = codePointsOf(sv(self));
  if (key instanceof PySlice) {
    const step = key.step === None ? 1 : Number(A.indexValue(key.step));
    if (step === 0) throw newException(ValueError, 'slice step cannot be zero');
    const [lo, hi, n] = adjustIndices(chars.length, optIndex(key.start), optIndex(key.stop), step);
    if (step === 1) return lo === 0 && hi === chars.length && self.ob_type === strType ? newRef(self) : newStr(chars.slice(lo, hi).join(''));
    let out = '';
    for (let i = 0, k = lo; i < n; i++, k += step) out += chars[k];
    return newStr(out);
  }
  if (!(key instanceof PyInt) && key.ob_type.lookup('__index__') === null) {
    throw newException(TypeError, `string indices must be integers, not '${A.typeName(key)}'`);
  }
  let i = Number(A.indexValue(key));
  if (i < 0) i += chars.length;
  if (i < 0 || i >= chars.length) throw newException(IndexError, 'string index out of range');
  return newStr(chars[i]);
}

// ---------------------------------------------------------------- methods

function cmp(op: number) {
  return (self: PyObject, args: PyObject[]): PyObject => {
    if (!(args[0] instanceof PyStr)) return NI();
    const c = compareStrings(sv(self), args[0].value);
    return newBool([c < 0, c <= 0, c === 0, c !== 0, c > 0, c >= 0][op]);
  };
}

function justify(self: PyObject, args: PyObject[], kind: string): PyObject {
  const s = sv(self);
  const width = ssizeArg(args[0]);
  if (args.length > 1 && !(args[1] instanceof PyStr)) throw newException(TypeError, `The fill character must be a unicode character, not ${A.typeName(args[1])}`);
  const fill = args.length > 1 ? sv(args[1]) : ' ';
  if (codePointLength(fill) !== 1) throw newException(TypeError, 'The fill character must be exactly one character long');
  const length = isAstral(self as PyStr) ? codePointLength(s) : s.length;
  if (width <= length) return self.ob_type === strType ? newRef(self) : newStr(s);
  const n = width - length;
  if (kind === 'l') return newStr(s + fill.repeat(n));
  if (kind === 'r') return newStr(fill.repeat(n) + s);
  const left = Math.floor(n / 2) + (n & width & 1);
  return newStr(fill.repeat(left) + s + fill.repeat(n - left));
}

function startsEnds(self: PyObject, args: PyObject[], ends: boolean): PyObject {
  const s = sv(self);
  const [lo, hi] = unitRange(self as PyStr, args[1], args[2]);
  const part = s.slice(lo, hi);
  const test = (p: PyObject) => {
    if (!(p instanceof PyStr)) throw newException(TypeError, `${ends ? 'endswith' : 'startswith'} first arg must be str or a tuple of str, not ${A.typeName(p)}`);
    if (lo > s.length || hi - lo < p.value.length) return false;
    return ends ? part.endsWith(p.value) : part.startsWith(p.value);
  };
  if (args[0] instanceof PyTuple) return newBool(args[0].items.some(test));
  return newBool(test(args[0]));
}

/** find/rfind in s[lo:hi] (UTF-16 offsets): the offset, or -1. */
function findIn(s: string, sub: string, lo: number, hi: number, reverse: boolean): number {
  if (lo > s.length || hi - lo < sub.length) return -1;
  const window = s.slice(lo, hi);
  const i = reverse ? window.lastIndexOf(sub) : window.indexOf(sub);
  return i < 0 ? -1 : i + lo;
}

function countSub(s: string, sub: string): number {
  if (sub.length === 0) return codePointLength(s) + 1;
  let n = 0;
  for (let i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length)) n++;
  return n;
}

/**
 * How each str method parses its arguments in CPython, for the texts of its arity errors:
 * METH_NOARGS, METH_O, Argument Clinic positional-only [min, max] (_PyArg_CheckPositional), and
 * Argument Clinic with keywords (max, _PyArg_UnpackKeywords). The others check their own.
 */
const NO_ARGS = ['upper', 'lower', 'casefold', 'swapcase', 'capitalize', 'title', 'isdigit', 'isdecimal', 'isnumeric',
  'isalpha', 'isalnum', 'isspace', 'isupper', 'islower', 'istitle', 'isidentifier', 'isascii', 'isprintable'];
const ONE_ARG = ['join', 'zfill', 'partition', 'rpartition', 'removeprefix', 'removesuffix', 'translate', 'format_map'];
const POSITIONAL: Record<string, [number, number]> = {
  center: [1, 2], ljust: [1, 2], rjust: [1, 2], strip: [0, 1], lstrip: [0, 1], rstrip: [0, 1], replace: [2, 3],
};
const WITH_KEYWORDS: Record<string, number> = { split: 2, rsplit: 2, splitlines: 1, expandtabs: 1, encode: 2 };

function withArgumentChecks(methods: Record<string, NativeMethod>): Record<string, NativeMethod> {
  const checked = (name: string, check: (args: PyObject[], kwnames: string[] | null) => void): void => {
    const fn = methods[name];
    methods[name] = (self, args, kwnames) => {
      check(args, kwnames);
      return fn(self, args, kwnames);
    };
  };
  for (const name of NO_ARGS) {
    checked(name, (args, kwnames) => {
      if (kwnames !== null && kwnames.length > 0) throw newException(TypeError, `str.${name}() takes no keyword arguments`);
      if (args.length !== 0) throw newException(TypeError, `str.${name}() takes no arguments (${args.length} given)`);
    });
  }
  for (const name of ONE_ARG) {
    checked(name, (args, kwnames) => {
      if (kwnames !== null && kwnames.length > 0) throw newException(TypeError, `str.${name}() takes no keyword arguments`);
      if (args.length !== 1) throw newException(TypeError, `str.${name}() takes exactly one argument (${args.length} given)`);
    });
  }
  for (const [name, [min, max]] of Object.entries(POSITIONAL)) checked(name, (args, kwnames) => arity(name, args, kwnames, min, max));
  for (const [name, max] of Object.entries(WITH_KEYWORDS)) {
    checked(name, (args) => {
      if (args.length > max) throw newException(TypeError, `${name}() takes at most ${max} argument${max === 1 ? '' : 's'} (${args.length} given)`);
    });
  }
  return methods;
}

/** Argument Clinic's Py_ssize_t converter: an __index__ value that must fit in 64 bits. */
function ssizeArg(o: PyObject): number {
  const v = A.indexValue(o);
  if (typeof v === 'number') return v;
  if (v > 0x7fffffffffffffffn || v < -0x8000000000000000n) throw newException(OverflowError, 'Python int too large to convert to C ssize_t');
  return v > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
}

/** unicode_repeat, reached through sq_repeat (PyNumber_AsSsize_t with OverflowError). */
function repeatStr(self: PyObject, count: PyObject): PyObject {
  const v = A.indexValue(count);
  if (typeof v === 'bigint' && (v > 0x7fffffffffffffffn || v < -0x8000000000000000n)) {
    throw newException(OverflowError, "cannot fit 'int' into an index-sized integer");
  }
  const n = Number(v);
  const s = sv(self);
  if (n <= 0 || s === '') return newStr('');
  const length = isAstral(self as PyStr) ? codePointLength(s) : s.length;
  if (length > Number.MAX_SAFE_INTEGER / n || length * n > 0x7fffffffffffffff) throw newException(OverflowError, 'repeated string is too long');
  // Past what a JS string holds CPython would fail its allocation.
  if (s.length * n > 0x1fffffe8) throw newException(MemoryError, '');
  return newStr(s.repeat(n));
}

defineMethods(strType, withArgumentChecks({
  __len__: (self) => newInt(isAstral(self as PyStr) ? codePointLength(sv(self)) : sv(self).length),
  __getitem__: (self, args) => getItem(self, args[0]),
  __contains__: (self, args) => {
    if (!(args[0] instanceof PyStr)) throw newException(TypeError, `'in <string>' requires string as left operand, not ${A.typeName(args[0])}`);
    return newBool(sv(self).includes(args[0].value));
  },
  __add__: (self, args) => {
    if (!(args[0] instanceof PyStr)) return NI();
    // PyUnicode_Concat hands back an operand when the other is empty (and exact).
    if (args[0].value === '' && self.ob_type === strType) return newRef(self);
    if (sv(self) === '' && args[0].ob_type === strType) return newRef(args[0]);
    return newStr(sv(self) + args[0].value);
  },
  __mul__: (self, args) => repeatStr(self, args[0]),
  __rmul__: (self, args) => repeatStr(self, args[0]),
  __mod__: (self, args) => newStr(percentFormat(sv(self), args[0])),
  // unicode_mod with the operands swapped: other % self, when other is a str.
  __rmod__: (self, args) => (args[0] instanceof PyStr ? newStr(percentFormat(args[0].value, self)) : NI()),
  __lt__: cmp(0), __le__: cmp(1), __eq__: cmp(2), __ne__: cmp(3), __gt__: cmp(4), __ge__: cmp(5),
  __hash__: (self) => newIntValue(A.hashFull(self)),
  __repr__: (self) => newStr(reprStr(sv(self))),
  __str__: (self) => self.ob_type === strType ? newRef(self) : newStr(sv(self)),
  __iter__: (self) => {
    const s = sv(self);
    let i = 0;
    // eslint-disable-next-line no-control-regex
    if (isAstral(self as PyStr)) {
      const chars = codePointsOf(s);
      return newIterator('str_iterator', self, () => (i < chars.length ? newStr(chars[i++]) : null), () => chars.length - i);
    }
    return newIterator(/^[\x00-\x7f]*$/.test(s) ? 'str_ascii_iterator' : 'str_iterator', self, () => (i < s.length ? newStr(s[i++]) : null), () => s.length - i);
  },
  // _PyUnicode_FormatAdvancedWriter: an empty spec gives a subclass's str(), not its value.
  __format__: (self, args) => (sv(args[0]) === '' && self.ob_type !== strType ? A.strObj(self) : newStr(formatStr(sv(self), sv(args[0])))),
  __getnewargs__: (self) => newTupleSteal([newStr(sv(self))]),
  __sizeof__: (self) => newInt(basicSizeOf(self)),
  join: (self, args) => {
    if (!isIterable(args[0])) throw newException(TypeError, 'can only join an iterable');
    const parts: string[] = [];
    let i = 0;
    A.forEach(args[0], (item) => {
      if (!(item instanceof PyStr)) throw newException(TypeError, `sequence item ${i}: expected str instance, ${A.typeName(item)} found`);
      parts.push(item.value);
      i++;
    });
    return newStr(parts.join(sv(self)));
  },
  split: (self, args, kwnames) => {
    const [pos, kw] = splitArgs(args, kwnames);
    const sepObj = pos[0] ?? kw.get('sep');
    const maxsplitObj = pos[1] ?? kw.get('maxsplit');
    const maxsplit = maxsplitObj !== undefined ? ssizeArg(maxsplitObj) : -1;
    const s = sv(self);
    if (sepObj === undefined || sepObj === None) return strList(splitWhitespace(s, maxsplit));
    if (!(sepObj instanceof PyStr)) throw newException(TypeError, `must be str or None, not ${A.typeName(sepObj)}`);
    const sep = sepObj.value;
    if (sep === '') throw newException(ValueError, 'empty separator');
    const parts = s.split(sep);
    if (maxsplit >= 0 && parts.length > maxsplit + 1) {
      const head = parts.slice(0, maxsplit);
      head.push(parts.slice(maxsplit).join(sep));
      return strList(head);
    }
    return strList(parts);
  },
  rsplit: (self, args, kwnames) => {
    const [pos, kw] = splitArgs(args, kwnames);
    const sepObj = pos[0] ?? kw.get('sep');
    const maxsplitObj = pos[1] ?? kw.get('maxsplit');
    const maxsplit = maxsplitObj !== undefined ? ssizeArg(maxsplitObj) : -1;
    const s = sv(self);
    if (sepObj === undefined || sepObj === None) {
      if (maxsplit < 0) return strList(splitWhitespace(s, -1));
      const rev = splitWhitespace([...s].reverse().join(''), maxsplit).map((p) => [...p].reverse().join('')).reverse();
      return strList(rev);
    }
    if (!(sepObj instanceof PyStr)) throw newException(TypeError, `must be str or None, not ${A.typeName(sepObj)}`);
    const sep = sepObj.value;
    if (sep === '') throw newException(ValueError, 'empty separator');
    const parts = s.split(sep);
    if (maxsplit >= 0 && parts.length > maxsplit + 1) {
      const tail = parts.slice(parts.length - maxsplit);
      return strList([parts.slice(0, parts.length - maxsplit).join(sep), ...tail]);
    }
    return strList(parts);
  },
  splitlines: (self, args) => {
    const keep = args.length > 0 && A.isTrue(args[0]);
    const s = sv(self);
    const out: string[] = [];
    const re = /\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/g;
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s)) !== null) {
      out.push(s.slice(last, keep ? re.lastIndex : m.index));
      last = re.lastIndex;
    }
    if (last < s.length) out.push(s.slice(last));
    return strList(out);
  },
  strip: (self, args) => unchangedOrNew(self, stripChars(sv(self), args[0], true, true)),
  lstrip: (self, args) => unchangedOrNew(self, stripChars(sv(self), args[0], true, false)),
  rstrip: (self, args) => unchangedOrNew(self, stripChars(sv(self), args[0], false, true)),
  upper: (self) => newStr(U.upperStr(sv(self))),
  lower: (self) => newStr(U.lowerStr(sv(self))),
  casefold: (self) => newStr(U.casefoldStr(sv(self))),
  swapcase: (self) => newStr(U.swapcaseStr(sv(self))),
  capitalize: (self) => newStr(U.capitalizeStr(sv(self))),
  title: (self) => newStr(U.titleStr(sv(self))),
  startswith: (self, args) => startsEnds(self, args, false),
  endswith: (self, args) => startsEnds(self, args, true),
  find: (self, args) => { const [s, sub, lo, hi] = findArgs(self, args, 'find'); return newInt(resultIndex(self, findIn(s, sub, lo, hi, false))); },
  rfind: (self, args) => { const [s, sub, lo, hi] = findArgs(self, args, 'rfind'); return newInt(resultIndex(self, findIn(s, sub, lo, hi, true))); },
  index: (self, args) => { const [s, sub, lo, hi] = findArgs(self, args, 'index'); const i = findIn(s, sub, lo, hi, false); if (i < 0) throw newException(ValueError, 'substring not found'); return newInt(resultIndex(self, i)); },
  rindex: (self, args) => { const [s, sub, lo, hi] = findArgs(self, args, 'rindex'); const i = findIn(s, sub, lo, hi, true); if (i < 0) throw newException(ValueError, 'substring not found'); return newInt(resultIndex(self, i)); },
  count: (self, args) => { const [s, sub, lo, hi] = findArgs(self, args, 'count'); return newInt(lo > s.length ? 0 : countSub(s.slice(lo, hi), sub)); },
  replace: (self, args) => {
    const s = sv(self), old = strArg(args[0], 'replace() argument 1'), nw = strArg(args[1], 'replace() argument 2');
    let count = args.length > 2 ? ssizeArg(args[2]) : -1;
    if (count < 0) return newStr(old === '' ? [...s].map((c) => nw + c).join('') + nw : s.split(old).join(nw));
    if (old === '') {
      // The empty string matches before each character and at the end: the first `count` of those.
      const chars = [...s];
      const n = Math.min(count, chars.length + 1);
      return newStr(chars.slice(0, n).map((c) => nw + c).join('') + (n > chars.length ? nw : '') + chars.slice(n).join(''));
    }
    let out = '', i = 0;
    while (count-- > 0) {
      const j = s.indexOf(old, i);
      if (j < 0) break;
      out += s.slice(i, j) + nw;
      i = j + old.length;
    }
    return newStr(out + s.slice(i));
  },
  format: (self, args, kwnames) => {
    const [pos, kw] = splitArgs(args, kwnames);
    return newStr(strFormat(sv(self), pos, kw));
  },
  format_map: (self, args) => newStr(strFormat(sv(self), [], null, args[0])),
  isdigit: (self) => newBool(U.allCodePoints(sv(self), U.isDigitCp)),
  isdecimal: (self) => newBool(U.allCodePoints(sv(self), U.isDecimalCp)),
  isnumeric: (self) => newBool(U.allCodePoints(sv(self), U.isNumericCp)),
  isalpha: (self) => newBool(U.allCodePoints(sv(self), U.isAlphaCp)),
  isalnum: (self) => newBool(U.allCodePoints(sv(self), U.isAlnumCp)),
  isspace: (self) => { const s = sv(self); return newBool(s.length > 0 && WS.test(s) && s.replace(WS, '') === ''); },
  isupper: (self) => newBool(U.isUpperStr(sv(self))),
  islower: (self) => newBool(U.isLowerStr(sv(self))),
  istitle: (self) => newBool(U.isTitleStr(sv(self))),
  isidentifier: (self) => newBool(U.isIdentifierStr(sv(self))),
  isascii: (self) => newBool(/^[\x00-\x7f]*$/.test(sv(self))), // eslint-disable-line no-control-regex
  isprintable: (self) => {
    const s = sv(self);
    for (const ch of s) if (!U.isPrintableCp(ch.codePointAt(0)!)) return newBool(false);
    return newBool(true);
  },
  center: (self, args) => justify(self, args, 'c'),
  ljust: (self, args) => justify(self, args, 'l'),
  rjust: (self, args) => justify(self, args, 'r'),
  zfill: (self, args) => {
    const s = sv(self);
    const w = ssizeArg(args[0]);
    const length = isAstral(self as PyStr) ? codePointLength(s) : s.length;
    if (length >= w) return newStr(s);
    const signed = s[0] === '-' || s[0] === '+';
    return newStr((signed ? s[0] : '') + '0'.repeat(w - length) + (signed ? s.slice(1) : s));
  },
  partition: (self, args) => {
    const s = sv(self), sep = separatorArg(args[0]);
    if (sep === '') throw newException(ValueError, 'empty separator');
    const i = s.indexOf(sep);
    if (i < 0) return newTupleSteal([newStr(s), newStr(''), newStr('')]);
    return newTupleSteal([newStr(s.slice(0, i)), newStr(sep), newStr(s.slice(i + sep.length))]);
  },
  rpartition: (self, args) => {
    const s = sv(self), sep = separatorArg(args[0]);
    if (sep === '') throw newException(ValueError, 'empty separator');
    const i = s.lastIndexOf(sep);
    if (i < 0) return newTupleSteal([newStr(''), newStr(''), newStr(s)]);
    return newTupleSteal([newStr(s.slice(0, i)), newStr(sep), newStr(s.slice(i + sep.length))]);
  },
  removeprefix: (self, args) => { const s = sv(self), p = strArg(args[0], 'removeprefix() argument'); return newStr(p && s.startsWith(p) ? s.slice(p.length) : s); },
  removesuffix: (self, args) => { const s = sv(self), p = strArg(args[0], 'removesuffix() argument'); return newStr(p && s.endsWith(p) ? s.slice(0, -p.length) : s); },
  expandtabs: (self, args) => {
    const size = args.length > 0 ? Number(A.indexValue(args[0])) : 8;
    let out = '', col = 0;
    for (const c of sv(self)) {
      if (c === '\t') { const n = size > 0 ? size - (col % size) : 0; out += ' '.repeat(n); col += n; }
      else if (c === '\n' || c === '\r') { out += c; col = 0; }
      else { out += c; col++; }
    }
    return newStr(out);
  },
  encode: (self, args, kwnames) => {
    const [pos, kw] = splitArgs(args, kwnames);
    return newBytes(encodeWith(sv(self), pos[0] ?? kw.get('encoding'), pos[1] ?? kw.get('errors')));
  },
  translate: (self, args) => {
    let out = '';
    for (const c of sv(self)) {
      const k = newInt(c.codePointAt(0)!);
      let r: PyObject | null = null;
      try {
        r = A.getItem(args[0], k);
      } catch (e) {
        // charmaptranslate_lookup: a LookupError leaves the character as it is.
        if (!(e instanceof PyObject && e.ob_type.isSubtypeOf(LookupError))) throw e;
      } finally {
        decref(k);
      }
      if (r === null) { out += c; continue; }
      try {
        if (r === None) continue;
        if (r instanceof PyInt) {
          const v = r.value;
          if (v < 0 || v > 0x10ffff) throw newException(ValueError, 'character mapping must be in range(0x110000)');
          out += String.fromCodePoint(Number(v));
        } else if (r instanceof PyStr) out += r.value;
        else throw newException(TypeError, 'character mapping must return integer, None or str');
      } finally {
        decref(r);
      }
    }
    return newStr(out);
  },
}));

// str * n is sq_repeat (abstract.ts sequenceSlots): tried after the other operand's __rmul__.
A.sequenceSlots.set(strType.lookup('__mul__')!, (o) => o instanceof PyInt || o.ob_type.lookup('__index__') !== null);
A.sequenceSlots.set(strType.lookup('__rmul__')!, (o) => o instanceof PyInt || o.ob_type.lookup('__index__') !== null);

// A static method: CPython shows it bound to the str type ("built-in method maketrans of type object").
defineAttr(strType, 'maketrans', newBuiltinFunction('maketrans', (_s, args, kwnames) => {
  arity('maketrans', args, kwnames, 1, 3);
  const d = newDict();
  try {
    if (args.length === 1) {
      if (!(args[0] instanceof PyDict)) throw newException(TypeError, 'if you give only one argument to maketrans it must be a dict');
      for (const [k, v] of args[0].entries()) {
        if (k instanceof PyStr && codePointLength(k.value) !== 1) throw newException(ValueError, 'string keys in translate table must be of length 1');
        if (!(k instanceof PyStr) && !(k instanceof PyInt)) throw newException(TypeError, 'keys in translate table must be strings or integers');
        const key = k instanceof PyStr ? newInt(k.value.codePointAt(0)!) : newRef(k);
        d.set(key, v);
        decref(key);
      }
      return d;
    }
    const from = codePointsOf(strArg(args[0], 'maketrans() argument 1'));
    const to = codePointsOf(strArg(args[1], 'maketrans() argument 2'));
    const drop = args.length > 2 ? strArg(args[2], 'maketrans() argument 3') : '';
    if (from.length !== to.length) throw newException(ValueError, 'the first two maketrans arguments must have equal length');
    for (let i = 0; i < from.length; i++) {
      const k = newInt(from[i].codePointAt(0)!), v = newInt(to[i].codePointAt(0)!);
      d.set(k, v); decref(k); decref(v);
    }
    for (const c of drop) { const k = newInt(c.codePointAt(0)!); d.set(k, None); decref(k); }
    return d;
  } catch (e) {
    decref(d);
    throw e;
  }
}, strType));

defineNew(strType, (_self, args, kwnames) => {
  const [pos, kw] = splitArgs(args, kwnames);
  const cls = pos[0] as PyType;
  const obj = pos[1] ?? kw.get('object');
  let s: string;
  if (obj === undefined) s = '';
  else if (pos.length > 2 || kw.has('encoding') || kw.has('errors')) {
    if (pos.length > 4) throw newException(TypeError, `str() takes at most 3 arguments (${pos.length - 1} given)`);
    if (obj instanceof PyStr) throw newException(TypeError, 'decoding str is not supported');
    if (!(obj instanceof PyBytes)) throw newException(TypeError, `decoding to str: need a bytes-like object, ${A.typeName(obj)} found`);
    s = decodeWith(obj.data, pos[2] ?? kw.get('encoding'), pos[3] ?? kw.get('errors'));
  } else s = A.str(obj);
  if (cls === strType) return s === '' ? newRef(emptyStr) : newStr(s);
  return newStrOfType(cls, s);
});

void PyList;
