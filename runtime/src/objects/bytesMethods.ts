// bytes' and bytearray's Python-visible methods (Objects/bytesobject.c, bytearrayobject.c,
// Objects/bytes_methods.c, stringlib): construction, the sequence protocol, the str-like methods
// with ASCII-only case and whitespace rules, %-formatting, hex/fromhex, decode, and bytearray's
// mutations.
//
// Invariants: the searching/splitting methods work on a latin-1 string view of the bytes (one
// char per byte), so they share JS's string algorithms; results are turned back into bytes of
// the receiver's kind (bytes stays bytes, bytearray stays bytearray, subclasses give the base).

import type { PyObject } from './pyobject';
import type { PyType } from './typeobject';
import { PyBytes, bytesType, bytearrayType, newBytes } from './bytes';
import { PyInt, newInt, newIntValue } from './int';
import { newBool } from './bool';
import { PyStr, newStr } from './str';
import { PyTuple, newTupleSteal } from './tuple';
import { newListSteal } from './list';
import { PySlice } from './slice';
import { None, NotImplemented } from './none';
import { defineMethods, defineNew, defineClassMethods, defineAttr, splitArgs } from './define';
import { newBuiltinFunction } from './builtinFunction';
import { hashBytes } from '../hashing/hash';
import * as E from './exceptions';
import { newException, builtinExceptionTypes } from './exceptions';
import * as A from './abstract';
import { newRef, decref, immortalize } from '../memory/heap';
import { reprBytes } from '../text/repr';
import { sliceIndices } from './sequenceMethods';
import { newIterator } from './iterator';
import { adjustIndices } from './slice';
import { percentFormat, bytesSupport } from './textFormatting';
import { encodeText, decodeBytes, CodecError } from '../text/codecs';

const latin1 = (data: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < data.length; i += 8192) s += String.fromCharCode(...data.subarray(i, i + 8192));
  return s;
};
const fromLatin1 = (s: string): Uint8Array => {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
};
const data = (o: PyObject) => (o as PyBytes).data;
const text = (o: PyObject) => latin1(data(o));

/** The exact kind results take: bytes for bytes and its subclasses, bytearray for bytearrays. */
function baseKind(self: PyObject): PyType {
  return self.ob_type === bytearrayType || self.ob_type.isSubtypeOf(bytearrayType) ? bytearrayType : bytesType;
}
const make = (self: PyObject, s: string): PyObject => newBytes(fromLatin1(s), baseKind(self));

/** The buffer protocol for the types we have: bytes, bytearray (and memoryview if it is one). */
function bufferOf(o: PyObject): Uint8Array | null {
  if (o instanceof PyBytes) return o.data;
  const mv = bufferHooks.view(o);
  return mv;
}

/** Set by memoryview's file when it exists; returns the viewed bytes. */
export const bufferHooks = { view: (_o: PyObject): Uint8Array | null => null };

function bytesLike(o: PyObject, message?: string): string {
  const b = bufferOf(o);
  if (b === null) throw newException(E.TypeError, message ?? `a bytes-like object is required, not '${A.typeName(o)}'`);
  return latin1(b);
}

/** A sub argument of find/count/index: bytes-like or an int in range(256). */
function subArg(o: PyObject): string {
  if (o instanceof PyInt || o.ob_type.lookup('__index__') !== null && bufferOf(o) === null) {
    const v = A.indexValue(o);
    if (typeof v === 'bigint' || v < 0 || v > 255) throw newException(E.ValueError, 'byte must be in range(0, 256)');
    return String.fromCharCode(v);
  }
  return bytesLike(o, `argument should be integer or bytes-like object, not '${A.typeName(o)}'`);
}

function optIndex(o: PyObject | undefined): number | null {
  if (o === undefined || o === None) return null;
  const v = A.indexValue(o);
  return typeof v === 'bigint' ? (v > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER) : v;
}

function range(s: string, args: PyObject[], from: number): [number, number] {
  const [lo, hi] = adjustIndices(s.length, optIndex(args[from]), optIndex(args[from + 1]), 1);
  return [lo, hi];
}

function find(s: string, sub: string, lo: number, hi: number, reverse: boolean): number {
  if (hi - lo < sub.length || lo > s.length) return -1;
  const window = s.slice(lo, hi);
  const i = reverse ? window.lastIndexOf(sub) : window.indexOf(sub);
  return i < 0 ? -1 : i + lo;
}

function count(s: string, sub: string, lo: number, hi: number): number {
  if (hi - lo < sub.length || lo > s.length) return 0;
  if (sub.length === 0) return hi - lo + 1;
  let n = 0;
  for (let i = s.indexOf(sub, lo); i >= 0 && i + sub.length <= hi; i = s.indexOf(sub, i + sub.length)) n++;
  return n;
}

const ASCII_SPACE = ' \t\n\r\x0b\x0c';
const isSpace = (c: string) => ASCII_SPACE.includes(c);
const isLower = (c: string) => c >= 'a' && c <= 'z';
const isUpper = (c: string) => c >= 'A' && c <= 'Z';
const isAlpha = (c: string) => isLower(c) || isUpper(c);
const isDigit = (c: string) => c >= '0' && c <= '9';
const upper = (s: string) => s.replace(/[a-z]+/g, (m) => m.toUpperCase());
const lower = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

function title(s: string): string {
  let out = '';
  let prevCased = false;
  for (const c of s) {
    if (isAlpha(c)) {
      out += prevCased ? lower(c) : upper(c);
      prevCased = true;
    } else {
      out += c;
      prevCased = false;
    }
  }
  return out;
}

function splitWhitespace(s: string, maxsplit: number, reverse: boolean): string[] {
  const words: string[] = [];
  if (!reverse) {
    let i = 0;
    while (i < s.length) {
      while (i < s.length && isSpace(s[i])) i++;
      if (i >= s.length) break;
      if (maxsplit >= 0 && words.length === maxsplit) {
        let end = s.length;
        while (end > i && isSpace(s[end - 1])) end--;
        words.push(s.slice(i, end));
        break;
      }
      const start = i;
      while (i < s.length && !isSpace(s[i])) i++;
      words.push(s.slice(start, i));
    }
    return words;
  }
  let i = s.length;
  while (i > 0) {
    while (i > 0 && isSpace(s[i - 1])) i--;
    if (i <= 0) break;
    if (maxsplit >= 0 && words.length === maxsplit) {
      let start = 0;
      while (start < i && isSpace(s[start])) start++;
      words.push(s.slice(start, i));
      break;
    }
    const end = i;
    while (i > 0 && !isSpace(s[i - 1])) i--;
    words.push(s.slice(i, end));
  }
  return words.reverse();
}

function splitSep(s: string, sep: string, maxsplit: number, reverse: boolean): string[] {
  if (sep.length === 0) throw newException(E.ValueError, 'empty separator');
  const parts = s.split(sep);
  if (maxsplit < 0 || parts.length - 1 <= maxsplit) return parts;
  if (!reverse) return [...parts.slice(0, maxsplit), parts.slice(maxsplit).join(sep)];
  const keep = parts.length - maxsplit;
  return [parts.slice(0, keep).join(sep), ...parts.slice(keep)];
}

function splitArgsOf(name: string, args: PyObject[], kwnames: string[] | null): [string | null, number] {
  const [pos, kw] = splitArgs(args, kwnames);
  const sepObj = pos[0] ?? kw.get('sep') ?? None;
  const maxObj = pos[1] ?? kw.get('maxsplit');
  const sep = sepObj === None ? null : bytesLike(sepObj);
  void name;
  return [sep, maxObj === undefined ? -1 : Number(A.indexValue(maxObj))];
}

function stripChars(args: PyObject[]): string | null {
  return args.length === 0 || args[0] === None ? null : bytesLike(args[0]);
}

function strip(s: string, chars: string | null, left: boolean, right: boolean): string {
  const keep = chars === null ? isSpace : (c: string) => chars.includes(c);
  let i = 0, j = s.length;
  if (left) while (i < j && keep(s[i])) i++;
  if (right) while (j > i && keep(s[j - 1])) j--;
  return s.slice(i, j);
}

function fillArg(name: string, args: PyObject[]): string {
  if (args.length < 2) return ' ';
  const f = bufferOf(args[1]);
  if (f === null || f.length !== 1) {
    throw newException(E.TypeError, `${name}() argument 2 must be a byte string of length 1, not ${A.typeName(args[1])}`);
  }
  return String.fromCharCode(f[0]);
}

function justify(self: PyObject, args: PyObject[], name: string, kind: 'l' | 'r' | 'c'): PyObject {
  const s = text(self);
  const width = Number(A.indexValue(args[0]));
  const fill = fillArg(name, args);
  if (width <= s.length) return self.ob_type === bytesType ? newRef(self) : make(self, s);
  const n = width - s.length;
  if (kind === 'l') return make(self, s + fill.repeat(n));
  if (kind === 'r') return make(self, fill.repeat(n) + s);
  const left = Math.floor(n / 2) + (n & width & 1);
  return make(self, fill.repeat(left) + s + fill.repeat(n - left));
}

function affix(self: PyObject, args: PyObject[], name: string, atEnd: boolean): PyObject {
  const s = text(self);
  const [lo, hi] = range(s, args, 1);
  const test = (p: string): boolean => {
    if (lo > s.length) return false;
    const window = s.slice(lo, hi);
    if (hi - lo < p.length) return false;
    return atEnd ? window.endsWith(p) : window.startsWith(p);
  };
  const arg = args[0];
  if (arg instanceof PyTuple) {
    for (const item of arg.items) if (test(bytesLike(item))) return newBool(true);
    return newBool(false);
  }
  if (bufferOf(arg) === null) {
    throw newException(E.TypeError, `${name} first arg must be bytes or a tuple of bytes, not ${A.typeName(arg)}`);
  }
  return newBool(test(bytesLike(arg)));
}

function hexOf(d: Uint8Array, args: PyObject[], kwnames: string[] | null): string {
  const [pos, kw] = splitArgs(args, kwnames);
  const sepObj = pos[0] ?? kw.get('sep');
  const per = pos[1] ?? kw.get('bytes_per_sep');
  const digits = Array.from(d, (b) => b.toString(16).padStart(2, '0'));
  if (sepObj === undefined) return digits.join('');
  const sep = sepObj instanceof PyStr ? sepObj.value : bytesLike(sepObj);
  if (sep.length !== 1) throw newException(E.ValueError, 'sep must be length 1.');
  const n = per === undefined ? 1 : Number(A.indexValue(per));
  if (n === 0 || digits.length === 0) return digits.join('');
  const size = Math.abs(n);
  const groups: string[] = [];
  if (n > 0) for (let end = digits.length; end > 0; end -= size) groups.unshift(digits.slice(Math.max(0, end - size), end).join(''));
  else for (let start = 0; start < digits.length; start += size) groups.push(digits.slice(start, start + size).join(''));
  return groups.join(sep);
}

function fromHex(s: string): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < s.length) {
    if (isSpace(s[i])) { i++; continue; }
    const hi = parseInt(s[i], 16), lo = parseInt(s[i + 1] ?? '', 16);
    if (Number.isNaN(hi) || !/[0-9a-fA-F]/.test(s[i])) throw newException(E.ValueError, `non-hexadecimal number found in fromhex() arg at position ${i}`);
    if (Number.isNaN(lo) || !/[0-9a-fA-F]/.test(s[i + 1] ?? '')) throw newException(E.ValueError, `non-hexadecimal number found in fromhex() arg at position ${i + 1}`);
    out.push(hi * 16 + lo);
    i += 2;
  }
  return Uint8Array.from(out);
}

function codecError(e: CodecError): never {
  const type = builtinExceptionTypes().get(e.kind)!;
  throw newException(type, e.message);
}

/** decode(encoding='utf-8', errors='strict') arguments, shared with str(bytes, ...). */
export function decodeWith(d: Uint8Array, encoding: PyObject | undefined, errors: PyObject | undefined): string {
  const enc = encoding === undefined ? 'utf-8' : (encoding as PyStr).value;
  const err = errors === undefined ? 'strict' : (errors as PyStr).value;
  const r = decodeBytes(d, enc, err);
  if (r instanceof CodecError) codecError(r);
  return r;
}

export function encodeWith(s: string, encoding: PyObject | undefined, errors: PyObject | undefined): Uint8Array {
  const enc = encoding === undefined ? 'utf-8' : (encoding as PyStr).value;
  const err = errors === undefined ? 'strict' : (errors as PyStr).value;
  const r = encodeText(s, enc, err);
  if (r instanceof CodecError) codecError(r);
  return r;
}

/** PyBytes_FromObject: bytes(x) for an x that is not a str or an int. */
export function bytesFromObject(o: PyObject, itemError = 'bytes must be in range(0, 256)'): Uint8Array {
  const b = bufferOf(o);
  if (b !== null) return b.slice();
  if (o instanceof PyStr) throw newException(E.TypeError, 'string argument without an encoding');
  const m = o.ob_type.lookup('__iter__');
  if (m === null && o.ob_type.lookup('__getitem__') === null) {
    throw newException(E.TypeError, `cannot convert '${A.typeName(o)}' object to bytes`);
  }
  const items = A.toArray(o);
  const out = new Uint8Array(items.length);
  try {
    items.forEach((x, i) => {
      if (!(x instanceof PyInt) && x.ob_type.lookup('__index__') === null) {
        throw newException(E.TypeError, `'${A.typeName(x)}' object cannot be interpreted as an integer`);
      }
      const v = A.indexValue(x);
      if (typeof v === 'bigint' || v < 0 || v > 255) throw newException(E.ValueError, itemError);
      out[i] = v;
    });
  } finally {
    for (const x of items) decref(x);
  }
  return out;
}

function construct(cls: PyType, args: PyObject[], kwnames: string[] | null): Uint8Array {
  const [pos, kw] = splitArgs(args, kwnames);
  const source = pos[0] ?? kw.get('source');
  const encoding = pos[1] ?? kw.get('encoding');
  const errors = pos[2] ?? kw.get('errors');
  if (source === undefined) {
    if (encoding !== undefined || errors !== undefined) throw newException(E.TypeError, encoding !== undefined ? 'encoding without a string argument' : 'errors without a string argument');
    return new Uint8Array(0);
  }
  if (source instanceof PyStr) {
    if (encoding === undefined) throw newException(E.TypeError, 'string argument without an encoding');
    return encodeWith(source.value, encoding, errors);
  }
  if (encoding !== undefined) throw newException(E.TypeError, 'encoding without a string argument');
  if (errors !== undefined) throw newException(E.TypeError, 'errors without a string argument');
  if (cls === bytesType || cls.isSubtypeOf(bytesType)) {
    const special = source.ob_type.lookup('__bytes__');
    if (special !== null) {
      const r = A.callBound(special, source, []);
      try {
        if (!(r instanceof PyBytes) || r.ob_type === bytearrayType) throw newException(E.TypeError, `__bytes__ returned non-bytes (type ${A.typeName(r)})`);
        return r.data.slice();
      } finally {
        decref(r);
      }
    }
  }
  if (source instanceof PyInt || (bufferOf(source) === null && source.ob_type.lookup('__index__') !== null)) {
    const n = A.indexValue(source);
    if (n < 0) throw newException(E.ValueError, 'negative count');
    if (typeof n === 'bigint') throw newException(E.OverflowError, 'cannot fit \'int\' into an index-sized integer');
    return new Uint8Array(n);
  }
  return bytesFromObject(source, cls === bytearrayType || cls.isSubtypeOf(bytearrayType) ? 'byte must be in range(0, 256)' : undefined);
}

for (const bt of [bytesType, bytearrayType]) {
  defineNew(bt, (_s, args, kwnames) => newBytes(construct(args[0] as PyType, args.slice(1), kwnames), args[0] as PyType));
  defineMethods(bt, {
    __len__: (self) => newInt(data(self).length),
    // (memory engineer) bytes: header + data + NUL inline; bytearray: header + its separate
    // buffer (ob_alloc, n + 1 after construction). The memory probes check both.
    __sizeof__: (self) => {
      const n = data(self).length;
      return newInt(bt === bytesType ? 33 + n : 56 + (n === 0 ? 0 : n + 1));
    },
    __repr__: (self) => {
      const r = reprBytes(data(self));
      return newStr(bt === bytesType ? r : `${self.ob_type.name}(${r})`);
    },
    __getitem__: (self, args) => {
      const d = data(self);
      if (args[0] instanceof PySlice) {
        const [lo, , step, n] = sliceIndices(args[0], d.length);
        const out = new Uint8Array(n);
        for (let i = 0, k = lo; i < n; i++, k += step) out[i] = d[k];
        return newBytes(out, baseKind(self));
      }
      if (!(args[0] instanceof PyInt) && args[0].ob_type.lookup('__index__') === null) {
        throw newException(E.TypeError, `${bt === bytesType ? 'byte' : 'bytearray'} indices must be integers or slices, not ${A.typeName(args[0])}`);
      }
      let i = Number(A.indexValue(args[0]));
      if (i < 0) i += d.length;
      if (i < 0 || i >= d.length) throw newException(E.IndexError, `${bt === bytesType ? 'index' : 'bytearray index'} out of range`);
      return newInt(d[i]);
    },
    __iter__: (self) => {
      const d = self as PyBytes;
      let i = 0;
      return newIterator(bt === bytesType ? 'bytes_iterator' : 'bytearray_iterator', self, () => (i < d.data.length ? newInt(d.data[i++]) : null), () => d.data.length - i);
    },
    __eq__: (self, args) => cmp(self, args[0], (c) => c === 0),
    __ne__: (self, args) => cmp(self, args[0], (c) => c !== 0),
    __lt__: (self, args) => cmp(self, args[0], (c) => c < 0),
    __le__: (self, args) => cmp(self, args[0], (c) => c <= 0),
    __gt__: (self, args) => cmp(self, args[0], (c) => c > 0),
    __ge__: (self, args) => cmp(self, args[0], (c) => c >= 0),
    __add__: (self, args) => {
      const b = bufferOf(args[0]);
      if (b === null) throw newException(E.TypeError, `can't concat ${A.typeName(args[0])} to ${bt.name}`);
      const a = data(self);
      const out = new Uint8Array(a.length + b.length);
      out.set(a);
      out.set(b, a.length);
      return newBytes(out, baseKind(self));
    },
    __mul__: (self, args) => repeat(self, args[0]),
    __rmul__: (self, args) => repeat(self, args[0]),
    __mod__: (self, args) => make(self, percentFormat(text(self), args[0], true)),
    __rmod__: () => newRef(NotImplemented),
    __contains__: (self, args) => {
      const s = text(self);
      const sub = args[0] instanceof PyInt ? subArg(args[0]) : bytesLike(args[0]);
      return newBool(s.includes(sub));
    },
    __getnewargs__: (self) => newTupleSteal([newBytes(data(self).slice())]),
    decode: (self, args, kwnames) => {
      const [pos, kw] = splitArgs(args, kwnames);
      return newStr(decodeWith(data(self), pos[0] ?? kw.get('encoding'), pos[1] ?? kw.get('errors')));
    },
    hex: (self, args, kwnames) => newStr(hexOf(data(self), args, kwnames)),
    upper: (self) => make(self, upper(text(self))),
    lower: (self) => make(self, lower(text(self))),
    swapcase: (self) => make(self, text(self).replace(/[a-zA-Z]/g, (c) => (isLower(c) ? c.toUpperCase() : c.toLowerCase()))),
    title: (self) => make(self, title(text(self))),
    capitalize: (self) => { const s = text(self); return make(self, upper(s.slice(0, 1)) + lower(s.slice(1))); },
    find: (self, args) => { const s = text(self); const [lo, hi] = range(s, args, 1); return newInt(find(s, subArg(args[0]), lo, hi, false)); },
    rfind: (self, args) => { const s = text(self); const [lo, hi] = range(s, args, 1); return newInt(find(s, subArg(args[0]), lo, hi, true)); },
    index: (self, args) => {
      const s = text(self); const [lo, hi] = range(s, args, 1);
      const i = find(s, subArg(args[0]), lo, hi, false);
      if (i < 0) throw newException(E.ValueError, 'subsection not found');
      return newInt(i);
    },
    rindex: (self, args) => {
      const s = text(self); const [lo, hi] = range(s, args, 1);
      const i = find(s, subArg(args[0]), lo, hi, true);
      if (i < 0) throw newException(E.ValueError, 'subsection not found');
      return newInt(i);
    },
    count: (self, args) => { const s = text(self); const [lo, hi] = range(s, args, 1); return newInt(count(s, subArg(args[0]), lo, hi)); },
    startswith: (self, args) => affix(self, args, 'startswith', false),
    endswith: (self, args) => affix(self, args, 'endswith', true),
    split: (self, args, kwnames) => {
      const [sep, max] = splitArgsOf('split', args, kwnames);
      const parts = sep === null ? splitWhitespace(text(self), max, false) : splitSep(text(self), sep, max, false);
      return newListSteal(parts.map((p) => make(self, p)));
    },
    rsplit: (self, args, kwnames) => {
      const [sep, max] = splitArgsOf('rsplit', args, kwnames);
      const parts = sep === null ? splitWhitespace(text(self), max, true) : splitSep(text(self), sep, max, true);
      return newListSteal(parts.map((p) => make(self, p)));
    },
    partition: (self, args) => {
      const s = text(self), sep = bytesLike(args[0]);
      if (sep.length === 0) throw newException(E.ValueError, 'empty separator');
      const i = s.indexOf(sep);
      const parts = i < 0 ? [s, '', ''] : [s.slice(0, i), sep, s.slice(i + sep.length)];
      return newTupleSteal(parts.map((p) => make(self, p)));
    },
    rpartition: (self, args) => {
      const s = text(self), sep = bytesLike(args[0]);
      if (sep.length === 0) throw newException(E.ValueError, 'empty separator');
      const i = s.lastIndexOf(sep);
      const parts = i < 0 ? ['', '', s] : [s.slice(0, i), sep, s.slice(i + sep.length)];
      return newTupleSteal(parts.map((p) => make(self, p)));
    },
    splitlines: (self, args, kwnames) => {
      const [pos, kw] = splitArgs(args, kwnames);
      const keep = pos[0] ?? kw.get('keepends');
      const keepends = keep !== undefined && A.isTrue(keep);
      const s = text(self);
      const lines: string[] = [];
      let start = 0;
      for (let i = 0; i < s.length; i++) {
        if (s[i] !== '\n' && s[i] !== '\r') continue;
        const eol = s[i] === '\r' && s[i + 1] === '\n' ? 2 : 1;
        lines.push(s.slice(start, keepends ? i + eol : i));
        i += eol - 1;
        start = i + 1;
      }
      if (start < s.length) lines.push(s.slice(start));
      return newListSteal(lines.map((p) => make(self, p)));
    },
    join: (self, args) => {
      const items = A.toArray(args[0]);
      try {
        const parts = items.map((x, i) => {
          const b = bufferOf(x);
          if (b === null) throw newException(E.TypeError, `sequence item ${i}: expected a bytes-like object, ${A.typeName(x)} found`);
          return latin1(b);
        });
        return make(self, parts.join(text(self)));
      } finally {
        for (const x of items) decref(x);
      }
    },
    strip: (self, args) => make(self, strip(text(self), stripChars(args), true, true)),
    lstrip: (self, args) => make(self, strip(text(self), stripChars(args), true, false)),
    rstrip: (self, args) => make(self, strip(text(self), stripChars(args), false, true)),
    center: (self, args) => justify(self, args, 'center', 'c'),
    ljust: (self, args) => justify(self, args, 'ljust', 'l'),
    rjust: (self, args) => justify(self, args, 'rjust', 'r'),
    zfill: (self, args) => {
      const s = text(self);
      const width = Number(A.indexValue(args[0]));
      if (width <= s.length) return make(self, s);
      const n = width - s.length;
      const sign = s[0] === '+' || s[0] === '-' ? s[0] : '';
      return make(self, sign + '0'.repeat(n) + s.slice(sign.length));
    },
    expandtabs: (self, args, kwnames) => {
      const [pos, kw] = splitArgs(args, kwnames);
      const sizeObj = pos[0] ?? kw.get('tabsize');
      const size = sizeObj === undefined ? 8 : Number(A.indexValue(sizeObj));
      let out = '', col = 0;
      for (const c of text(self)) {
        if (c === '\t') {
          if (size > 0) { const n = size - (col % size); out += ' '.repeat(n); col += n; }
        } else {
          out += c;
          col = c === '\n' || c === '\r' ? 0 : col + 1;
        }
      }
      return make(self, out);
    },
    isalpha: (self) => { const s = text(self); return newBool(s.length > 0 && [...s].every(isAlpha)); },
    isalnum: (self) => { const s = text(self); return newBool(s.length > 0 && [...s].every((c) => isAlpha(c) || isDigit(c))); },
    isdigit: (self) => { const s = text(self); return newBool(s.length > 0 && [...s].every(isDigit)); },
    isspace: (self) => { const s = text(self); return newBool(s.length > 0 && [...s].every(isSpace)); },
    isupper: (self) => { const s = text(self); return newBool(/[A-Z]/.test(s) && !/[a-z]/.test(s)); },
    islower: (self) => { const s = text(self); return newBool(/[a-z]/.test(s) && !/[A-Z]/.test(s)); },
    istitle: (self) => { const s = text(self); return newBool(/[a-zA-Z]/.test(s) && title(s) === s && !/[A-Z][A-Z]|[a-z](?=[A-Z])/.test(s.replace(/[^a-zA-Z]+/g, ' '))); },
    isascii: (self) => newBool(data(self).every((b) => b < 0x80)),
    replace: (self, args) => {
      const s = text(self), old = bytesLike(args[0]), nw = bytesLike(args[1]);
      let max = args.length > 2 ? Number(A.indexValue(args[2])) : -1;
      if (max < 0) max = Infinity;
      let out = '', i = 0, n = 0;
      if (old.length === 0) {
        for (; i <= s.length && n < max; i++, n++) out += nw + (s[i] ?? '');
        return make(self, out + s.slice(i));
      }
      while (n < max) {
        const j = s.indexOf(old, i);
        if (j < 0) break;
        out += s.slice(i, j) + nw;
        i = j + old.length;
        n++;
      }
      return make(self, out + s.slice(i));
    },
    removeprefix: (self, args) => { const s = text(self), p = bytesLike(args[0]); return make(self, p && s.startsWith(p) ? s.slice(p.length) : s); },
    removesuffix: (self, args) => { const s = text(self), p = bytesLike(args[0]); return make(self, p && s.endsWith(p) ? s.slice(0, -p.length) : s); },
    translate: (self, args, kwnames) => {
      const [pos, kw] = splitArgs(args, kwnames);
      const table = pos[0];
      const deleted = pos[1] ?? kw.get('delete');
      const del = deleted === undefined ? '' : bytesLike(deleted);
      let map: string | null = null;
      if (table !== None) {
        map = bytesLike(table);
        if (map.length !== 256) throw newException(E.ValueError, 'translation table must be 256 characters long');
      }
      let out = '';
      for (const c of text(self)) if (!del.includes(c)) out += map === null ? c : map[c.charCodeAt(0)];
      return make(self, out);
    },
  });
}

function cmp(self: PyObject, other: PyObject, test: (c: number) => boolean): PyObject {
  const b = other instanceof PyBytes ? other.data : null;
  if (b === null) return newRef(NotImplemented);
  const a = data(self);
  const n = Math.min(a.length, b.length);
  let c = 0;
  for (let i = 0; i < n && c === 0; i++) c = a[i] - b[i];
  if (c === 0) c = a.length - b.length;
  return newBool(test(c));
}

function repeat(self: PyObject, count: PyObject): PyObject {
  if (!(count instanceof PyInt) && count.ob_type.lookup('__index__') === null) return newRef(NotImplemented);
  const n = A.indexValue(count);
  const d = data(self);
  if (typeof n === 'bigint' || n * d.length > 2 ** 31) {
    if (d.length === 0 || n <= 0) return newBytes(new Uint8Array(0), baseKind(self));
    throw newException(E.MemoryError);
  }
  const times = Math.max(0, n);
  const out = new Uint8Array(d.length * times);
  for (let i = 0; i < times; i++) out.set(d, i * d.length);
  return newBytes(out, baseKind(self));
}

for (const bt of [bytesType, bytearrayType]) {
  defineClassMethods(bt, {
    fromhex: (cls, args) => {
      if (!(args[0] instanceof PyStr)) throw newException(E.TypeError, `fromhex() argument must be str, not ${A.typeName(args[0])}`);
      const b = newBytes(fromHex(args[0].value), bt);
      if (cls === bt) return b;
      try {
        return A.call(cls, [b]);
      } finally {
        decref(b);
      }
    },
  });
}

function maketrans(_self: PyObject, args: PyObject[]): PyObject {
  const from = bytesLike(args[0]), to = bytesLike(args[1]);
  if (from.length !== to.length) throw newException(E.ValueError, 'maketrans arguments must have same length');
  const table = new Uint8Array(256);
  for (let i = 0; i < 256; i++) table[i] = i;
  for (let i = 0; i < from.length; i++) table[from.charCodeAt(i)] = to.charCodeAt(i);
  return newBytes(table);
}

// ---------------------------------------------------------------- bytearray mutation

function mutable(self: PyObject): PyBytes {
  return self as PyBytes;
}

function byteValue(o: PyObject): number {
  if (!(o instanceof PyInt) && o.ob_type.lookup('__index__') === null) {
    throw newException(E.TypeError, `'${A.typeName(o)}' object cannot be interpreted as an integer`);
  }
  const v = A.indexValue(o);
  if (typeof v === 'bigint' || v < 0 || v > 255) throw newException(E.ValueError, 'byte must be in range(0, 256)');
  return v;
}

function setSlice(self: PyBytes, key: PySlice, value: Uint8Array | null): void {
  const d = self.data;
  const [lo, hi, step, n] = sliceIndices(key, d.length);
  if (step === 1) {
    const stop = Math.max(lo, hi);
    const replacement = value ?? new Uint8Array(0);
    const out = new Uint8Array(d.length - (stop - lo) + replacement.length);
    out.set(d.subarray(0, lo));
    out.set(replacement, lo);
    out.set(d.subarray(stop), lo + replacement.length);
    self.data = out;
    return;
  }
  if (value === null) {
    const drop = new Set<number>();
    for (let i = 0, k = lo; i < n; i++, k += step) drop.add(k);
    self.data = d.filter((_, i) => !drop.has(i));
    return;
  }
  if (value.length !== n) throw newException(E.ValueError, `attempt to assign bytes of size ${value.length} to extended slice of size ${n}`);
  const out = d.slice();
  for (let i = 0, k = lo; i < n; i++, k += step) out[k] = value[i];
  self.data = out;
}

function insertAt(self: PyBytes, index: number, bytes: Uint8Array): void {
  const d = self.data;
  const out = new Uint8Array(d.length + bytes.length);
  out.set(d.subarray(0, index));
  out.set(bytes, index);
  out.set(d.subarray(index), index + bytes.length);
  self.data = out;
}

function iterableBytes(o: PyObject): Uint8Array {
  if (o instanceof PyStr) {
    if (o.value.length === 0) return new Uint8Array(0);
    throw newException(E.TypeError, "'str' object cannot be interpreted as an integer");
  }
  if (o instanceof PyInt) throw newException(E.TypeError, `can't extend bytearray with ${A.typeName(o)}`);
  if (bufferOf(o) === null && o.ob_type.lookup('__iter__') === null && o.ob_type.lookup('__getitem__') === null) {
    throw newException(E.TypeError, `'${A.typeName(o)}' object is not iterable`);
  }
  return bytesFromObject(o, 'byte must be in range(0, 256)');
}

defineMethods(bytearrayType, {
  __setitem__: (self, args) => {
    const b = mutable(self);
    const [key, value] = args;
    if (key instanceof PySlice) {
      const v = value instanceof PyInt ? null : value === b ? b.data.slice() : bufferOf(value) ?? (value instanceof PyStr ? null : bytesFromObject(value));
      if (v === null) throw newException(E.TypeError, `can assign only bytes, buffers, or iterables of ints in range(0, 256)`);
      setSlice(b, key, v);
      return newRef(None);
    }
    if (!(key instanceof PyInt) && key.ob_type.lookup('__index__') === null) throw newException(E.TypeError, `bytearray indices must be integers or slices, not ${A.typeName(key)}`);
    let i = Number(A.indexValue(key));
    if (i < 0) i += b.data.length;
    if (i < 0 || i >= b.data.length) throw newException(E.IndexError, 'bytearray index out of range');
    b.data[i] = byteValue(value);
    return newRef(None);
  },
  __delitem__: (self, args) => {
    const b = mutable(self);
    const key = args[0];
    if (key instanceof PySlice) {
      setSlice(b, key, null);
      return newRef(None);
    }
    let i = Number(A.indexValue(key));
    if (i < 0) i += b.data.length;
    if (i < 0 || i >= b.data.length) throw newException(E.IndexError, 'bytearray index out of range');
    b.data = Uint8Array.from([...b.data.subarray(0, i), ...b.data.subarray(i + 1)]);
    return newRef(None);
  },
  __iadd__: (self, args) => {
    const more = bufferOf(args[0]);
    if (more === null) throw newException(E.TypeError, `can't concat ${A.typeName(args[0])} to bytearray`);
    insertAt(mutable(self), mutable(self).data.length, more.slice());
    return newRef(self);
  },
  __imul__: (self, args) => {
    const r = repeat(self, args[0]) as PyBytes;
    mutable(self).data = r.data;
    decref(r);
    return newRef(self);
  },
  __alloc__: (self) => newInt(data(self).length + 1),
  append: (self, args) => {
    insertAt(mutable(self), data(self).length, Uint8Array.of(byteValue(args[0])));
    return newRef(None);
  },
  extend: (self, args) => {
    insertAt(mutable(self), data(self).length, iterableBytes(args[0]));
    return newRef(None);
  },
  insert: (self, args) => {
    const n = data(self).length;
    let i = Number(A.indexValue(args[0]));
    if (i < 0) i = Math.max(0, i + n);
    if (i > n) i = n;
    insertAt(mutable(self), i, Uint8Array.of(byteValue(args[1])));
    return newRef(None);
  },
  pop: (self, args) => {
    const b = mutable(self);
    if (b.data.length === 0) throw newException(E.IndexError, 'pop from empty bytearray');
    let i = args.length > 0 ? Number(A.indexValue(args[0])) : -1;
    if (i < 0) i += b.data.length;
    if (i < 0 || i >= b.data.length) throw newException(E.IndexError, 'pop index out of range');
    const v = b.data[i];
    b.data = Uint8Array.from([...b.data.subarray(0, i), ...b.data.subarray(i + 1)]);
    return newInt(v);
  },
  remove: (self, args) => {
    const b = mutable(self);
    const v = byteValue(args[0]);
    const i = b.data.indexOf(v);
    if (i < 0) throw newException(E.ValueError, 'value not found in bytearray');
    b.data = Uint8Array.from([...b.data.subarray(0, i), ...b.data.subarray(i + 1)]);
    return newRef(None);
  },
  reverse: (self) => { mutable(self).data.reverse(); return newRef(None); },
  clear: (self) => { mutable(self).data = new Uint8Array(0); return newRef(None); },
  copy: (self) => newBytes(data(self).slice(), bytearrayType),
});
bytearrayType.setAttr('__hash__', newRef(None));

// ---------------------------------------------------------------- wiring

bytesSupport.text = (o) => {
  const b = bufferOf(o);
  return b === null ? undefined : latin1(b);
};
bytesSupport.make = (s) => newBytes(fromLatin1(s));

for (const bt of [bytesType, bytearrayType]) {
  defineAttr(bt, 'maketrans', immortalize(newBuiltinFunction('maketrans', maketrans, null, bt.name, `${bt.name}.maketrans`)));
}
defineMethods(bytesType, {
  __hash__: (self) => newIntValue(hashBytes(data(self))),
});
