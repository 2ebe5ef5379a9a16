// `_re`: the matching engine behind runtime/lib/re.py. Python patterns are translated to
// JavaScript RegExp syntax (named groups, \A \Z, Python's `$`, inline flags, verbose mode) and
// run with the `d` flag for group spans. Spans are returned as flat tuples; re.py builds Match
// objects. Differences from CPython's sre (Unicode classes for \d \w, possessive forms) are
// outside what the translation covers.

import { newInt } from '../objects/int';
import { newStr, PyStr } from '../objects/str';
import { newTupleSteal } from '../objects/tuple';
import { newDict } from '../objects/dict';
import { None } from '../objects/none';
import { newException, TypeError, builtinExceptionTypes } from '../objects/exceptions';
import * as A from '../objects/abstract';
import { newRef, decref } from '../memory/heap';
import { nativeModule, expectArgs } from './nativeModule';
import type { PyObject } from '../objects/pyobject';
import type { Interpreter } from '../vm/interpreter';

const FLAG_I = 2, FLAG_M = 8, FLAG_S = 16, FLAG_X = 64;
const INLINE_FLAGS: Record<string, number> = { i: FLAG_I, m: FLAG_M, s: FLAG_S, x: FLAG_X, a: 256, u: 32, L: 4 };

interface Compiled {
  search: RegExp;
  sticky: RegExp;
  full: RegExp;
  groups: number;
  names: Map<string, number>;
}

class PatternError extends Error {
  constructor(readonly msg: string, readonly pos: number) {
    super(msg);
  }
}

/** Python regex source → JS source; collects group numbering and leading inline flags. */
function translate(pattern: string, flags: number): { source: string; flags: number; groups: number; names: Map<string, number> } {
  let i = 0;
  // Global inline flags at the start: (?imsx)
  const lead = /^\(\?([aiLmsux]+)\)/.exec(pattern);
  if (lead) {
    for (const c of lead[1]) flags |= INLINE_FLAGS[c];
    i = lead[0].length;
  }
  const verbose = (flags & FLAG_X) !== 0;
  const multiline = (flags & FLAG_M) !== 0;
  let out = '';
  let groups = 0;
  const names = new Map<string, number>();
  let inClass = false;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n === undefined) throw new PatternError('bad escape (end of pattern)', i);
      if (!inClass && n === 'A') out += '(?<![\\s\\S])';
      else if (!inClass && n === 'Z') out += '(?![\\s\\S])';
      else if (n === 'g' || n === 'k') throw new PatternError(`bad escape \\${n}`, i);
      else out += c + n;
      i += 2;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      if (c === '[') out += '\\[';
      else out += c;
      i++;
      continue;
    }
    if (verbose && /\s/.test(c)) {
      i++;
      continue;
    }
    if (verbose && c === '#') {
      while (i < pattern.length && pattern[i] !== '\n') i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      i++;
      if (pattern[i] === '^') { out += '^'; i++; }
      if (pattern[i] === ']') { out += '\\]'; i++; }
      continue;
    }
    if (c === '$' && !multiline) {
      out += '(?=\\n?(?![\\s\\S]))';
      i++;
      continue;
    }
    if (c === '(') {
      if (pattern.startsWith('(?P<', i)) {
        const end = pattern.indexOf('>', i);
        const name = pattern.slice(i + 4, end);
        groups++;
        names.set(name, groups);
        out += `(?<${name}>`;
        i = end + 1;
        continue;
      }
      if (pattern.startsWith('(?P=', i)) {
        const end = pattern.indexOf(')', i);
        out += `\\k<${pattern.slice(i + 4, end)}>`;
        i = end + 1;
        continue;
      }
      if (pattern.startsWith('(?#', i)) {
        i = pattern.indexOf(')', i) + 1;
        continue;
      }
      if (pattern[i + 1] !== '?') groups++;
      out += c;
      i++;
      continue;
    }
    out += c;
    i++;
  }
  if (inClass) throw new PatternError('unterminated character set', pattern.lastIndexOf('['));
  return { source: out, flags, groups, names };
}

function compile(pattern: string, flags: number): Compiled {
  const t = translate(pattern, flags);
  let js = 'd';
  if (t.flags & FLAG_I) js += 'i';
  if (t.flags & FLAG_M) js += 'm';
  if (t.flags & FLAG_S) js += 's';
  try {
    return {
      search: new RegExp(t.source, js + 'g'),
      sticky: new RegExp(t.source, js + 'y'),
      full: new RegExp(`(?:${t.source})(?![\\s\\S])`, js + 'y'),
      groups: t.groups,
      names: t.names,
    };
  } catch (e) {
    throw new PatternError(String((e as Error).message).replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '').toLowerCase(), 0);
  }
}

export function makeReNative(_interp: Interpreter) {
  const m = nativeModule('_re');
  const compiled: Compiled[] = [];
  const strArg = (o: PyObject, what: string) => {
    if (!(o instanceof PyStr)) throw newException(TypeError, `expected string or bytes-like object, got '${A.typeName(o)}'`);
    void what;
    return o.value;
  };
  m.def('compile', (_s, args, kw) => {
    expectArgs('compile', args, kw, 2);
    const pattern = strArg(args[0], 'pattern');
    let c: Compiled;
    try {
      c = compile(pattern, A.indexNumber(args[1]));
    } catch (e) {
      if (!(e instanceof PatternError)) throw e;
      // re.py turns this into re.error with CPython's wording where it knows it.
      const err = newException(builtinExceptionTypes().get('ValueError')!, `${e.msg} at position ${e.pos}`);
      throw err;
    }
    compiled.push(c);
    const groupindex = newDict();
    for (const [name, index] of c.names) {
      const v = newInt(index);
      groupindex.setStr(name, v);
      decref(v);
    }
    return newTupleSteal([newInt(compiled.length - 1), newInt(c.groups), groupindex]);
  });
  // exec(handle, string, pos, endpos, mode): mode 0 search, 1 match, 2 fullmatch.
  // Returns a tuple of 2*(groups+1) ints (start, end; -1 for unmatched groups) or None.
  m.def('exec', (_s, args, kw) => {
    expectArgs('exec', args, kw, 5);
    const c = compiled[A.indexNumber(args[0])];
    const text = strArg(args[1], 'string');
    const pos = A.indexNumber(args[2]);
    const endpos = Math.min(A.indexNumber(args[3]), text.length);
    const mode = A.indexNumber(args[4]);
    if (pos > endpos) return newRef(None);
    const re = mode === 0 ? c.search : mode === 1 ? c.sticky : c.full;
    re.lastIndex = pos;
    const found = re.exec(endpos < text.length ? text.slice(0, endpos) : text);
    if (found === null) return newRef(None);
    const spans: PyObject[] = [];
    const indices = (found as RegExpExecArray & { indices: ([number, number] | undefined)[] }).indices;
    for (let g = 0; g <= c.groups; g++) {
      const span = indices[g];
      spans.push(newInt(span ? span[0] : -1), newInt(span ? span[1] : -1));
    }
    return newTupleSteal(spans);
  });
  return m.module;
}
