// str: immutable text (Objects/unicodeobject.c). The value is a JS string; indexing is by UTF-16
// unit, which equals Python's code-point indexing for the Basic Multilingual Plane (astral
// characters are a known gap). Single-character latin-1 strings and the empty string are
// shared singletons, like CPython's.

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
  constructor(type: PyType, readonly value: string) {
    super(type);
    this.hash = -1;
    this.fullHash = null;
  }
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
