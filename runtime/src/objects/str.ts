// str: immutable text (Objects/unicodeobject.c). The value is a JS string, so a character beyond
// the Basic Multilingual Plane is two UTF-16 units there; Python counts code points. `isAstral`
// (cached per object) says whether a string has such pairs: when it has none, UTF-16 offsets are
// code-point offsets and the methods take the fast path; otherwise they convert (see
// `codePointsOf`, `unitOffset`, `codePointOffset`). Single-character latin-1 strings and the empty
// string are shared singletons, like CPython's.

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track, immortalize } from '../memory/heap';
import { exceptionSupport } from './exceptions';

export class PyStr extends PyObject {
  /** Cached hash (-1 = not computed), as CPython caches it in the object. */
  /** Cached hash as a number (-1 = not computed), as CPython caches it in the object. */
  declare hash: number;
  /** CPython's exact hash (number or bigint), computed once. */
  declare fullHash: number | bigint | null;
  /** -1 not yet known, 0 no surrogate pair in the value, 1 some. */
  declare astral: number;
  constructor(type: PyType, readonly value: string) {
    super(type);
    this.hash = -1;
    this.fullHash = null;
    this.astral = -1;
  }
}

const SURROGATE_PAIR = /[\ud800-\udbff][\udc00-\udfff]/;

/** Whether the text holds a surrogate pair (one Python character in two UTF-16 units). */
export function hasAstral(s: string): boolean {
  return SURROGATE_PAIR.test(s);
}

/** Cached hasAstral of a str object's value. */
export function isAstral(o: PyStr): boolean {
  if (o.astral === -1) o.astral = hasAstral(o.value) ? 1 : 0;
  return o.astral === 1;
}

/** The Python characters of a text (pairs joined, lone surrogates kept). */
export function codePointsOf(s: string): string[] {
  return Array.from(s);
}

/** len() in code points. */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { n--; i++; }
    }
  }
  return n;
}

/** The UTF-16 offset of code point `index` (clamped to the end). */
export function unitOffset(s: string, index: number): number {
  let unit = 0;
  for (let k = 0; k < index && unit < s.length; k++) {
    const c = s.charCodeAt(unit);
    unit += c >= 0xd800 && c <= 0xdbff && unit + 1 < s.length && (s.charCodeAt(unit + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return unit;
}

/** The code-point index of UTF-16 offset `unit`. */
export function codePointOffset(s: string, unit: number): number {
  return codePointLength(s.slice(0, unit));
}

/** Code-point order (JS compares UTF-16 units, which puts astral characters below U+E000). */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length - b.length;
  const x = a.charCodeAt(i), y = b.charCodeAt(i);
  if (x < 0xd800 && y < 0xd800) return x - y;
  return a.codePointAt(i)! - b.codePointAt(i)!;
}

export const strType: PyType = makeStaticType('str', undefined, { basicsize: 49 });

function strSize(s: string): number {
  let max = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > max) max = c;
  }
  // Compact str objects (3.11, with the wstr fields): ASCII 48 bytes of header, other kinds 72,
  // then the code points at 1, 2 or 4 bytes each plus a terminating NUL of the same width.
  if (max < 128) return 49 + s.length;
  if (max < 256) return 73 + s.length;
  if (max < 0xd800 || max >= 0xe000 || !/[\ud800-\udbff][\udc00-\udfff]/.test(s)) return 74 + 2 * s.length;
  const codePoints = s.length - (s.match(/[\ud800-\udbff][\udc00-\udfff]/g)?.length ?? 0);
  return 76 + 4 * codePoints;
}

const latin1: PyStr[] = [];
for (let c = 0; c < 256; c++) latin1.push(immortalize(track(new PyStr(strType, String.fromCharCode(c)), strSize(String.fromCharCode(c)))));
export const emptyStr: PyStr = immortalize(track(new PyStr(strType, ''), 49));

const interned = new Map<string, PyStr>();

export function newStr(s: string): PyStr {
  if (s.length <= 1) {
    if (s.length === 0) {
      emptyStr.ob_refcnt++;
      return emptyStr;
    }
    const c = s.charCodeAt(0);
    if (c < 256) {
      const o = latin1[c];
      o.ob_refcnt++;
      return o;
    }
  }
  return track(new PyStr(strType, s), strSize(s));
}

/**
 * The intern table as it is now; calling the result puts it back. The debugger's replays
 * (inspect/replayState.ts) start from the table of the first run's start, so they intern (and
 * allocate) the same strings at the same moments.
 */
export function saveInternTable(): () => void {
  const saved = new Map(interned);
  return () => {
    interned.clear();
    for (const [text, o] of saved) interned.set(text, o);
  };
}

/** sys.intern: one shared object per text (CPython interns identifiers and name constants). */
export function internStr(s: string): PyStr {
  let o = interned.get(s);
  if (o === undefined) {
    o = immortalize(newStr(s));
    interned.set(s, o);
  }
  o.ob_refcnt++;
  return o;
}

export function newStrOfType(type: PyType, s: string): PyStr {
  return track(new PyStr(type, s), strSize(s));
}

export function isStr(o: PyObject): o is PyStr {
  return o instanceof PyStr;
}

exceptionSupport.makeStr = newStr;
