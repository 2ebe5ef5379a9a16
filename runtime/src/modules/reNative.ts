// `_re`: the matching engine behind runtime/lib/re.py. Python patterns are parsed and
// translated to JavaScript RegExp syntax in Unicode mode and run with the `d` flag for group
// spans; re.py builds Match objects from the flat span tuples.
// The translation gives Python's meaning where JS differs: \d \w \b are Unicode-aware (ASCII
// under re.A or for bytes), `.` excludes only '\n', `^`/`$`/\A/\Z follow sre, scoped inline flags
// (?i:...)/(?s:...)/(?m:...)/(?x:...) are applied by the translator, atomic groups (?>...) and
// possessive quantifiers (*+ ++ ?+ {m,n}+) become a lookahead-and-backreference pair on a hidden
// group (Python group numbers are mapped to JS ones), and bad patterns raise sre's messages and
// positions. Not covered: conditional groups (?(1)yes|no), \W/\D inside a class under Unicode
// rules (ASCII there), sre's FutureWarnings.

import { newInt } from '../objects/int';
import { newStr, PyStr } from '../objects/str';
import { PyBytes } from '../objects/bytes';
import { newTupleSteal } from '../objects/tuple';
import { newDict } from '../objects/dict';
import { None } from '../objects/none';
import { newException, TypeError, builtinExceptionTypes } from '../objects/exceptions';
import * as A from '../objects/abstract';
import { newRef, decref } from '../memory/heap';
import { nativeModule, expectArgs } from './nativeModule';
import type { PyObject } from '../objects/pyobject';
import type { Interpreter } from '../vm/interpreter';

const FLAG_I = 2, FLAG_L = 4, FLAG_M = 8, FLAG_S = 16, FLAG_U = 32, FLAG_X = 64, FLAG_A = 256;
const INLINE_FLAGS: Record<string, number> = { i: FLAG_I, m: FLAG_M, s: FLAG_S, x: FLAG_X, a: FLAG_A, u: FLAG_U, L: FLAG_L };

interface Compiled {
  search: RegExp;
  sticky: RegExp;
  full: RegExp;
  groups: number;
  names: Map<string, number>;
  /** JS capture index of each Python group (index 0 unused). */
  jsGroupOf: number[];
}

class PatternError extends Error {
  constructor(readonly msg: string, readonly pos: number) {
    super(msg);
  }
}

const WORD = '\\p{L}\\p{N}_';
const SYNTAX = new Set([...'^$\\.*+?()[]{}|/']);

function literal(ch: string): string {
  return SYNTAX.has(ch) ? '\\' + ch : ch;
}

function classLiteral(ch: string): string {
  return '\\]^-[/'.includes(ch) ? '\\' + ch : ch;
}

function hexChar(code: number): string {
  return `\\u{${code.toString(16)}}`;
}

interface Scope {
  kind: 'group' | 'noncapture' | 'look' | 'atomic' | 'flags';
  /** Where the group opened in the pattern (for "missing )" errors). */
  pos: number;
  /** out.length before the group's opening text (the atom start for a quantifier after it). */
  outStart: number;
  flags: number;
  pyGroup: number;
  hiddenJs: number;
}

interface Translation {
  source: string;
  flags: number;
  groups: number;
  names: Map<string, number>;
  jsGroupOf: number[];
}

/** Python regex source → JS (Unicode mode) source, with group bookkeeping. */
function translate(pattern: string, flagsIn: number, isBytes: boolean): Translation {
  let i = 0;
  let flags = flagsIn;
  // Global inline flags, at the start as 3.11 requires.
  const lead = /^\(\?([aiLmsux]+)\)/.exec(pattern);
  if (lead) {
    for (const c of lead[1]) flags |= INLINE_FLAGS[c];
    i = lead[0].length;
  }
  if (isBytes && (flags & FLAG_U)) throw new PatternError('cannot use UNICODE flag with a bytes pattern', 0);
  if ((flags & FLAG_A) && (flags & FLAG_U) && !isBytes && flagsIn & FLAG_A && flagsIn & FLAG_U) throw new PatternError('ASCII and UNICODE flags are incompatible', 0);
  const ascii = isBytes || (flags & FLAG_A) !== 0;
  let out = '';
  let groups = 0;
  let jsGroups = 0;
  const jsGroupOf: number[] = [0];
  const names = new Map<string, number>();
  const open = new Set<number>();
  const stack: Scope[] = [];
  let cur = flags;
  /** out.length where the last repeatable atom starts, or -1 when a quantifier cannot follow. */
  let atomStart = -1;
  let lastWasQuantifier = false;

  const emitAtom = (text: string) => {
    atomStart = out.length;
    out += text;
    lastWasQuantifier = false;
  };
  const caseless = (ch: string) => {
    // A scoped (?i:...) under a case-sensitive pattern: letters become [xX].
    if ((cur & FLAG_I) && !(flags & FLAG_I) && ch.toLowerCase() !== ch.toUpperCase()) return `[${classLiteral(ch.toLowerCase())}${classLiteral(ch.toUpperCase())}]`;
    return literal(ch);
  };
  const digitClass = () => (ascii ? '0-9' : '\\p{Nd}');
  const wordClass = () => (ascii ? 'A-Za-z0-9_' : WORD);
  const spaceClass = () => (ascii ? ' \\t\\n\\r\\f\\v' : '\\s');

  /** An escape after '\\' at pattern[i] (the backslash); returns [js text, new index]. */
  const escape = (inClass: boolean): [string, number] => {
    const n = pattern[i + 1];
    if (n === undefined) throw new PatternError('bad escape (end of pattern)', i);
    const simple: Record<string, string> = { n: '\\n', t: '\\t', r: '\\r', f: '\\f', v: '\\v', a: '\\x07' };
    if (n in simple) return [simple[n], i + 2];
    if (n === 'x') {
      const m = /^[0-9a-fA-F]{2}/.exec(pattern.slice(i + 2));
      if (!m) throw new PatternError(`incomplete escape \\x${pattern.slice(i + 2, i + 4)}`, i);
      return [hexChar(parseInt(m[0], 16)), i + 4];
    }
    if ((n === 'u' || n === 'U') && !isBytes) {
      const len = n === 'u' ? 4 : 8;
      const m = new RegExp(`^[0-9a-fA-F]{${len}}`).exec(pattern.slice(i + 2));
      if (!m) throw new PatternError(`incomplete escape \\${n}${pattern.slice(i + 2, i + 2 + len)}`, i);
      return [hexChar(parseInt(m[0], 16)), i + 2 + len];
    }
    if (n >= '0' && n <= '9') {
      const oct = /^[0-7]{1,3}/.exec(pattern.slice(i + 1));
      if (inClass || n === '0' || (oct && oct[0].length === 3)) {
        const digits = /^[0-7]{1,3}/.exec(pattern.slice(i + 1))?.[0] ?? '';
        if (digits === '') throw new PatternError(`bad escape \\${n}`, i);
        const code = parseInt(digits, 8);
        if (code > 0o377) throw new PatternError(`octal escape value \\${digits} outside of range 0-0o377`, i);
        return [hexChar(code), i + 1 + digits.length];
      }
      const num = /^[0-9]{1,2}/.exec(pattern.slice(i + 1))![0];
      const g = Number(num);
      if (g > groups || g === 0) throw new PatternError(`invalid group reference ${g}`, i + 1);
      if (open.has(g)) throw new PatternError('cannot refer to an open group', i);
      return [`(?:\\${jsGroupOf[g]})`, i + 1 + num.length];
    }
    if (inClass) {
      switch (n) {
        case 'd': return [digitClass(), i + 2];
        case 'w': return [wordClass(), i + 2];
        case 's': return [spaceClass(), i + 2];
        case 'D': return [ascii ? '\\D' : '\\P{Nd}', i + 2];
        case 'W': return ['\\W', i + 2];
        case 'S': return ['\\S', i + 2];
        case 'b': return ['\\x08', i + 2];
      }
    } else {
      switch (n) {
        case 'd': return [`[${digitClass()}]`, i + 2];
        case 'w': return [`[${wordClass()}]`, i + 2];
        case 's': return [`[${spaceClass()}]`, i + 2];
        case 'D': return [`[^${digitClass()}]`, i + 2];
        case 'W': return [`[^${wordClass()}]`, i + 2];
        case 'S': return [`[^${spaceClass()}]`, i + 2];
        case 'A': return ['(?<![\\s\\S])', i + 2];
        case 'Z': return ['(?![\\s\\S])', i + 2];
        case 'b': return [ascii ? '\\b' : `(?:(?<=[${WORD}])(?![${WORD}])|(?<![${WORD}])(?=[${WORD}]))`, i + 2];
        case 'B': return [ascii ? '\\B' : `(?:(?<=[${WORD}])(?=[${WORD}])|(?<![${WORD}])(?![${WORD}]))`, i + 2];
      }
    }
    if (/[A-Za-z]/.test(n)) throw new PatternError(`bad escape \\${n}`, i);
    return [inClass ? classLiteral(n) : caseless(n), i + 2];
  };

  const verboseSkip = () => {
    for (;;) {
      if (!(cur & FLAG_X)) return;
      const c = pattern[i];
      if (c !== undefined && /\s/.test(c)) i++;
      else if (c === '#') {
        while (i < pattern.length && pattern[i] !== '\n') i++;
      } else return;
    }
  };

  while (i < pattern.length) {
    verboseSkip();
    if (i >= pattern.length) break;
    const c = pattern[i];
    if (c === '\\') {
      const [text, next] = escape(false);
      const zeroWidth = /^[AZbB]$/.test(pattern[i + 1]);
      i = next;
      if (zeroWidth) {
        out += text;
        atomStart = -1;
        lastWasQuantifier = false;
      } else emitAtom(text);
      continue;
    }
    if (c === '[') {
      const setPos = i;
      let text = '[';
      i++;
      if (pattern[i] === '^') {
        text += '^';
        i++;
      }
      let first = true;
      for (;;) {
        if (i >= pattern.length) throw new PatternError('unterminated character set', setPos);
        const ch = pattern[i];
        if (ch === ']' && !first) {
          text += ']';
          i++;
          break;
        }
        first = false;
        if (ch === '\\') {
          const [t, next] = escape(true);
          text += t;
          i = next;
        } else {
          text += ch === '-' ? '-' : classLiteral(ch);
          i++;
        }
      }
      emitAtom(text);
      continue;
    }
    if (c === '*' || c === '+' || c === '?' || (c === '{' && /^\{\d*(,\d*)?\}/.test(pattern.slice(i)) && /^\{(\d+|\d*,\d*)\}/.test(pattern.slice(i)))) {
      let q = c;
      let end = i + 1;
      if (c === '{') {
        const m = /^\{(\d*)(,?)(\d*)\}/.exec(pattern.slice(i))!;
        const lo = m[1] === '' ? 0 : Number(m[1]);
        const hi = m[3] === '' ? null : Number(m[3]);
        if (hi !== null && m[2] && lo > hi) throw new PatternError('min repeat greater than max repeat', i + 1);
        q = m[2] ? `{${lo},${hi ?? ''}}` : `{${lo}}`;
        end = i + m[0].length;
      }
      if (atomStart < 0) {
        if (lastWasQuantifier) throw new PatternError('multiple repeat', i);
        throw new PatternError('nothing to repeat', i);
      }
      i = end;
      let suffix = '';
      if (pattern[i] === '?') {
        suffix = '?';
        i++;
      } else if (pattern[i] === '+') {
        // Possessive: the atom and its quantifier match once, without backtracking into them.
        const atom = out.slice(atomStart) + q;
        jsGroups++;
        const hidden = countCaptures(out.slice(0, atomStart)) + 1;
        for (let g = 1; g < jsGroupOf.length; g++) if (jsGroupOf[g] >= hidden) jsGroupOf[g]++;
        out = out.slice(0, atomStart) + `(?=(${atom}))\\${hidden}`;
        i++;
        atomStart = -1;
        lastWasQuantifier = true;
        continue;
      }
      out += q + suffix;
      atomStart = -1;
      lastWasQuantifier = true;
      continue;
    }
    if (c === '(') {
      const at = i;
      const outStart = out.length;
      const scope: Scope = { kind: 'noncapture', pos: at, outStart, flags: cur, pyGroup: 0, hiddenJs: 0 };
      if (pattern[i + 1] !== '?') {
        groups++;
        jsGroups++;
        jsGroupOf[groups] = jsGroups;
        open.add(groups);
        scope.kind = 'group';
        scope.pyGroup = groups;
        out += '(';
        i++;
      } else if (pattern.startsWith('(?P<', i) || (pattern.startsWith('(?<', i) && pattern[i + 3] !== '=' && pattern[i + 3] !== '!')) {
        const nameStart = pattern.startsWith('(?P<', i) ? i + 4 : i + 3;
        if (nameStart === i + 3) throw new PatternError(`unknown extension ?<${pattern[i + 3] ?? ''}`, i + 1);
        const end = pattern.indexOf('>', nameStart);
        if (end < 0) throw new PatternError('missing >, unterminated name', nameStart);
        const name = pattern.slice(nameStart, end);
        if (name === '') throw new PatternError('missing group name', nameStart);
        if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name)) throw new PatternError(`bad character in group name '${name}'`, nameStart);
        groups++;
        jsGroups++;
        if (names.has(name)) throw new PatternError(`redefinition of group name '${name}' as group ${groups}; was group ${names.get(name)}`, nameStart);
        jsGroupOf[groups] = jsGroups;
        names.set(name, groups);
        open.add(groups);
        scope.kind = 'group';
        scope.pyGroup = groups;
        out += '(';
        i = end + 1;
      } else if (pattern.startsWith('(?P=', i)) {
        const end = pattern.indexOf(')', i);
        const name = pattern.slice(i + 4, end);
        const g = names.get(name);
        if (end < 0) throw new PatternError('missing ), unterminated name', i + 4);
        if (g === undefined) throw new PatternError(`unknown group name '${name}'`, i + 4);
        if (open.has(g)) throw new PatternError('cannot refer to an open group', i);
        emitAtom(`(?:\\${jsGroupOf[g]})`);
        i = end + 1;
        continue;
      } else if (pattern.startsWith('(?#', i)) {
        const end = pattern.indexOf(')', i);
        if (end < 0) throw new PatternError('missing ), unterminated comment', i);
        i = end + 1;
        continue;
      } else if (pattern.startsWith('(?:', i)) {
        out += '(?:';
        i += 3;
      } else if (pattern.startsWith('(?=', i) || pattern.startsWith('(?!', i) || pattern.startsWith('(?<=', i) || pattern.startsWith('(?<!', i)) {
        const len = pattern[i + 2] === '<' ? 4 : 3;
        out += pattern.slice(i, i + len);
        scope.kind = 'look';
        i += len;
      } else if (pattern.startsWith('(?>', i)) {
        jsGroups++;
        scope.kind = 'atomic';
        scope.hiddenJs = jsGroups;
        out += '(?=(';
        i += 3;
      } else if (pattern.startsWith('(?(', i)) {
        throw new PatternError('conditional groups (?(...)...) are not supported by this runtime', i);
      } else {
        const m = /^\(\?([aiLmsux]*)(?:-([imsx]*))?:/.exec(pattern.slice(i));
        if (!m) {
          if (/^\(\?[aiLmsux]+\)/.test(pattern.slice(i))) throw new PatternError('global flags not at the start of the expression', i);
          throw new PatternError(`unknown extension ?${pattern[i + 2] ?? ''}`, i + 1);
        }
        let f = cur;
        for (const ch of m[1]) f |= INLINE_FLAGS[ch];
        for (const ch of m[2] ?? '') f &= ~INLINE_FLAGS[ch];
        scope.kind = 'flags';
        out += '(?:';
        i += m[0].length;
        stack.push(scope);
        cur = f;
        atomStart = -1;
        lastWasQuantifier = false;
        continue;
      }
      stack.push(scope);
      atomStart = -1;
      lastWasQuantifier = false;
      continue;
    }
    if (c === ')') {
      const scope = stack.pop();
      if (scope === undefined) throw new PatternError('unbalanced parenthesis', i);
      if (scope.kind === 'atomic') out += `))\\${scope.hiddenJs}`;
      else out += ')';
      if (scope.kind === 'group') open.delete(scope.pyGroup);
      cur = scope.flags;
      i++;
      if (scope.kind === 'look') {
        // Lookarounds cannot be repeated in Python either ("nothing to repeat" is not raised, but
        // repeating them is meaningless); treat them as atoms like sre does.
      }
      atomStart = scope.outStart;
      lastWasQuantifier = false;
      continue;
    }
    if (c === '|') {
      out += '|';
      atomStart = -1;
      lastWasQuantifier = false;
      i++;
      continue;
    }
    if (c === '.') {
      emitAtom(cur & FLAG_S ? '[\\s\\S]' : '[^\\n]');
      i++;
      continue;
    }
    if (c === '^') {
      out += cur & FLAG_M ? '(?<![^\\n])' : '(?<![\\s\\S])';
      atomStart = -1;
      lastWasQuantifier = false;
      i++;
      continue;
    }
    if (c === '$') {
      out += cur & FLAG_M ? '(?![^\\n])' : '(?=\\n?(?![\\s\\S]))';
      atomStart = -1;
      lastWasQuantifier = false;
      i++;
      continue;
    }
    emitAtom(caseless(c));
    i++;
  }
  if (stack.length > 0) {
    const unclosed = stack[stack.length - 1];
    throw new PatternError('missing ), unterminated subpattern', unclosed.pos);
  }
  return { source: out, flags, groups, names, jsGroupOf };
}

/** Capturing groups opened in a piece of translated source (to number a group inserted before them). */
function countCaptures(source: string): number {
  let n = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(' && source[i + 1] !== '?') n++;
  }
  return n;
}

function compile(pattern: string, flags: number, isBytes: boolean): Compiled {
  const t = translate(pattern, flags, isBytes);
  let js = 'du';
  if (t.flags & FLAG_I) js += 'i';
  try {
    return {
      search: new RegExp(t.source, js + 'g'),
      sticky: new RegExp(t.source, js + 'y'),
      full: new RegExp(`(?:${t.source})(?![\\s\\S])`, js + 'y'),
      groups: t.groups,
      names: t.names,
      jsGroupOf: t.jsGroupOf,
    };
  } catch (e) {
    throw new PatternError(String((e as Error).message).replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '').toLowerCase(), 0);
  }
}

/** A str, or a bytes object read as Latin-1 (one char per byte), as the engine sees it. */
function subject(o: PyObject): string | null {
  if (o instanceof PyStr) return o.value;
  if (o instanceof PyBytes) {
    let s = '';
    for (const b of o.data) s += String.fromCharCode(b);
    return s;
  }
  return null;
}

export function makeReNative(_interp: Interpreter) {
  const m = nativeModule('_re');
  const compiled: Compiled[] = [];
  const strArg = (o: PyObject) => {
    const text = subject(o);
    if (text === null) throw newException(TypeError, `expected string or bytes-like object, got '${A.typeName(o)}'`);
    return text;
  };
  m.def('compile', (_s, args, kw) => {
    expectArgs('compile', args, kw, 2);
    const pattern = strArg(args[0]);
    let c: Compiled;
    try {
      c = compile(pattern, A.indexNumber(args[1]), args[0] instanceof PyBytes);
    } catch (e) {
      if (!(e instanceof PatternError)) throw e;
      // ValueError(msg, pos): re.py raises re.error(msg, pattern, pos) from it.
      const err = newException(builtinExceptionTypes().get('ValueError')!);
      const old = err.args;
      err.args = newTupleSteal([newStr(e.msg), newInt(e.pos)]);
      decref(old);
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
    const text = strArg(args[1]);
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
      const span = indices[g === 0 ? 0 : c.jsGroupOf[g]];
      spans.push(newInt(span ? span[0] : -1), newInt(span ? span[1] : -1));
    }
    return newTupleSteal(spans);
  });
  return m.module;
}
