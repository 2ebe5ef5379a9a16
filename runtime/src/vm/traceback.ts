// Printing an uncaught exception exactly as CPython 3.11's PyErr_Display does
// (Python/pythonrun.c print_exception_recursive, Python/traceback.c tb_print_internal):
// cause/context chains, "[Previous line repeated N more times]" after 3 identical entries, the
// stripped source line and the ^^^/~~~ markers from co_positions, with the markers elided when
// they would underline the whole line.

import type { PyObject } from '../objects/pyobject';
import { PyBaseException, SyntaxError, BaseExceptionGroup } from '../objects/exceptions';
import { PyTuple } from '../objects/tuple';
import { syntaxErrorField } from '../objects/syntaxError';
import { PyInt } from '../objects/int';
import { PyTraceback } from '../objects/traceback';
import { PyStr } from '../objects/str';
import { PyType } from '../objects/typeobject';
import * as A from '../objects/abstract';
import { positionAt } from '../objects/lineTable';
import { decref } from '../memory/heap';
import { suggestionFor } from './suggestions';
import { findAnchors } from './anchors';

const TB_RECURSIVE_CUTOFF = 3;

export interface SourceLines {
  (filename: string): string[] | null;
}

export function formatException(exc: PyBaseException, source: SourceLines, builtinsNames: () => string[]): string {
  const ctx: GroupContext = { out: '', depth: 0, needClose: false, seen: new Set<PyObject>() };
  printRecursive(ctx, exc, source, builtinsNames);
  return ctx.out;
}

// Exception groups (pythonrun.c print_exception_group): a group's traceback and sub-exceptions
// are drawn in a margin ("| ", "+ " on the header), indented two columns per nesting level,
// with "+---- N ----" separators; at most 15 sub-exceptions and 10 levels are shown.
const MAX_GROUP_WIDTH = 15;
const MAX_GROUP_DEPTH = 10;

interface GroupContext {
  out: string;
  depth: number;
  needClose: boolean;
  seen: Set<PyObject>;
}

const indentOf = (ctx: GroupContext) => ' '.repeat(2 * ctx.depth);
const marginOf = (ctx: GroupContext) => (ctx.depth > 0 ? '| ' : '');

function printRecursive(ctx: GroupContext, e: PyBaseException, source: SourceLines, builtinsNames: () => string[]): void {
  ctx.seen.add(e);
  const chained = (value: PyBaseException, message: string) => {
    const needClose = ctx.needClose;
    printRecursive(ctx, value, source, builtinsNames);
    ctx.needClose = needClose;
    const m = indentOf(ctx) + marginOf(ctx);
    ctx.out += `${m}\n${m}${message}${m}\n`;
  };
  const cause = e.cause;
  const context = e.context;
  if (cause !== null) {
    if (!ctx.seen.has(cause)) chained(cause, 'The above exception was the direct cause of the following exception:\n');
  } else if (context !== null && !e.suppressContext && !ctx.seen.has(context)) {
    chained(context, 'During handling of the above exception, another exception occurred:\n');
  }
  if (!isGroup(e)) {
    printOne(ctx, e, source, builtinsNames);
    return;
  }
  if (ctx.depth > MAX_GROUP_DEPTH) {
    ctx.out += `${indentOf(ctx)}${marginOf(ctx)}... (max_group_depth is ${MAX_GROUP_DEPTH})\n`;
    return;
  }
  const topLevel = ctx.depth === 0;
  if (topLevel) ctx.depth++;
  printOne(ctx, e, source, builtinsNames);
  const excs = groupMembers(e);
  const n = excs.length <= MAX_GROUP_WIDTH ? excs.length : MAX_GROUP_WIDTH + 1;
  ctx.needClose = false;
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    if (last) ctx.needClose = true;
    const truncated = i >= MAX_GROUP_WIDTH;
    ctx.out += `${indentOf(ctx)}${i === 0 ? '+-' : '  '}+---------------- ${truncated ? '...' : i + 1} ----------------\n`;
    ctx.depth++;
    const parentSeen = ctx.seen;
    ctx.seen = new Set<PyObject>();
    if (!truncated) printRecursive(ctx, excs[i] as PyBaseException, source, builtinsNames);
    else {
      const remaining = excs.length - MAX_GROUP_WIDTH;
      ctx.out += `${indentOf(ctx)}${marginOf(ctx)}and ${remaining} more exception${remaining > 1 ? 's' : ''}\n`;
    }
    ctx.seen = parentSeen;
    if (last && ctx.needClose) {
      ctx.out += `${indentOf(ctx)}+------------------------------------\n`;
      ctx.needClose = false;
    }
    ctx.depth--;
  }
  if (ctx.depth === 1 && topLevel) ctx.depth--;
}

function isGroup(e: PyBaseException): boolean {
  return e.ob_type.isSubtypeOf(BaseExceptionGroup);
}

function groupMembers(e: PyBaseException): PyObject[] {
  const pair = e.extra;
  return pair instanceof PyTuple && pair.items[1] instanceof PyTuple ? (pair.items[1] as PyTuple).items : [];
}

/** One exception's traceback and message, each line in the group margin. */
function printOne(ctx: GroupContext, e: PyBaseException, source: SourceLines, builtinsNames: () => string[]): void {
  let text = formatOne(e, source, builtinsNames);
  if (ctx.depth === 0) {
    ctx.out += text;
    return;
  }
  const indent = indentOf(ctx);
  const margin = marginOf(ctx);
  let header = '';
  if (text.startsWith('Traceback (most recent call last):\n')) {
    text = text.slice('Traceback (most recent call last):\n'.length);
    header = isGroup(e)
      ? `${indent}${ctx.depth === 1 ? '+ ' : margin}Exception Group Traceback (most recent call last):\n`
      : `${indent}${margin}Traceback (most recent call last):\n`;
  }
  const lines = text.split('\n');
  lines.pop();
  ctx.out += header + lines.map((l) => `${indent}${margin}${l}\n`).join('');
}

function formatOne(exc: PyBaseException, source: SourceLines, builtinsNames: () => string[]): string {
  let out = '';
  const tb = exc.traceback;
  if (tb instanceof PyTraceback) {
    out += 'Traceback (most recent call last):\n';
    out += formatTraceback(tb, source);
  }
  return out + formatExceptionOnly(exc, builtinsNames);
}

/** The lines after the traceback entries: a SyntaxError's location, `Type: message`, the notes. */
export function formatExceptionOnly(exc: PyBaseException, builtinsNames: () => string[], suggest = true): string {
  let out = '';
  const type = exc.ob_type;
  const mod = type.isHeapType ? type.attrs.get('__module__') : null;
  const modName = mod instanceof PyStr ? mod.value : 'builtins';
  let name = type.qualname;
  if (modName !== 'builtins' && modName !== '__main__') name = `${modName}.${name}`;
  let msg: string;
  const syntaxError = type.isSubtypeOf(SyntaxError) ? formatSyntaxErrorLocation(exc) : null;
  try {
    if (syntaxError !== null) {
      out += syntaxError.location;
      msg = A.str(syntaxError.msg);
    } else msg = A.str(exc);
  } catch (e) {
    if (e instanceof PyBaseException) decref(e);
    msg = '<exception str() failed>';
  }
  // The interpreter's printer offers "Did you mean"; 3.11's traceback module does not (suggest=false).
  if (suggest) msg += suggestionFor(exc, builtinsNames);
  out += msg === '' ? `${name}\n` : `${name}: ${msg}\n`;
  const notes = exc.notes;
  if (notes !== null) {
    for (const n of A.toArray(notes)) {
      out += A.str(n) + '\n';
      decref(n);
    }
  }
  return out;
}

/**
 * A SyntaxError's own location lines (pythonrun.c print_exception_file_and_line and
 * print_error_text): `  File "F", line N`, the stripped source line and a caret run from
 * offset to end_offset. The message line then shows `msg`, not str(exc).
 */
function formatSyntaxErrorLocation(exc: PyBaseException): { location: string; msg: PyObject } {
  const num = (o: PyObject, dflt: number) => (o instanceof PyInt ? Number(o.value) : dflt);
  const filenameObj = syntaxErrorField(exc, 'filename');
  const filename = filenameObj instanceof PyStr ? filenameObj.value : '<string>';
  const lineno = num(syntaxErrorField(exc, 'lineno'), 0);
  let offset = num(syntaxErrorField(exc, 'offset'), -1);
  const endLineno = num(syntaxErrorField(exc, 'end_lineno'), lineno);
  let endOffset = num(syntaxErrorField(exc, 'end_offset'), offset);
  const textObj = syntaxErrorField(exc, 'text');
  let out = `  File "${filename}", line ${lineno}\n`;
  if (textObj instanceof PyStr) {
    let text = textObj.value;
    if (endLineno > lineno) endOffset = text.length;
    if (endOffset > text.length + 1) endOffset = text.length + 1;
    const carets = endOffset > 0 && endOffset > offset ? endOffset - offset : 1;
    offset--;
    while (text.length > 0 && (text[0] === ' ' || text[0] === '\t' || text[0] === '\f')) {
      text = text.slice(1);
      offset--;
    }
    let len = text.length;
    if (len > 0 && text[len - 1] === '\n') len--;
    if (offset > len) offset = len;
    for (;;) {
      const nl = text.indexOf('\n');
      if (nl < 0 || nl >= offset) break;
      text = text.slice(nl + 1);
      len -= nl + 1;
      offset -= nl + 1;
    }
    out += `    ${text}`;
    if (text[len] !== '\n') out += '\n';
    if (offset >= 0) out += `    ${' '.repeat(offset)}${'^'.repeat(carets)}\n`;
  }
  return { location: out, msg: syntaxErrorField(exc, 'msg') };
}

export function formatTraceback(first: PyTraceback, source: SourceLines): string {
  let out = '';
  let lastFile: string | null = null;
  let lastLine = -1;
  let lastName: string | null = null;
  let cnt = 0;
  const repeated = () => {
    const n = cnt - TB_RECURSIVE_CUTOFF;
    out += `  [Previous line repeated ${n} more time${n > 1 ? 's' : ''}]\n`;
  };
  for (let tb: PyTraceback | null = first; tb !== null; tb = tb.next) {
    const code = tb.frame.code;
    const pos = positionAt(code, tb.lasti);
    const file = code.co.co_filename;
    const name = code.co.co_name;
    if (lastFile === null || file !== lastFile || lastLine === -1 || pos.line !== lastLine || lastName === null || name !== lastName) {
      if (cnt > TB_RECURSIVE_CUTOFF) repeated();
      lastFile = file;
      lastLine = pos.line;
      lastName = name;
      cnt = 0;
    }
    cnt++;
    if (cnt <= TB_RECURSIVE_CUTOFF) out += displayLine(file, name, pos, source);
  }
  if (cnt > TB_RECURSIVE_CUTOFF) repeated();
  return out;
}

function isWs(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\f';
}

export function displayLine(file: string, name: string, pos: { line: number; endLine: number; col: number; endCol: number }, source: SourceLines): string {
  let out = `  File "${file}", line ${pos.line}, in ${name}\n`;
  const lines = source(file);
  if (lines === null || pos.line < 1 || pos.line > lines.length) return out;
  const raw = lines[pos.line - 1];
  let truncation = 0;
  while (truncation < raw.length && isWs(raw[truncation])) truncation++;
  const stripped = raw.slice(truncation);
  out += `    ${stripped}\n`;
  if (pos.col < 0 || pos.endCol < 0 || pos.endLine < 0) return out;
  const lineBytes = new TextEncoder().encode(raw);
  const toChar = (byteOffset: number) => new TextDecoder().decode(lineBytes.slice(0, byteOffset)).length;
  const start = toChar(pos.col);
  let end = toChar(pos.endCol);
  let leftEnd = -1, rightStart = -1;
  let primary = '^', secondary = '^';
  if (pos.line === pos.endLine) {
    const a = findAnchors(raw.slice(start, end));
    if (a !== null) {
      leftEnd = start + a.leftEnd;
      rightStart = start + a.rightStart;
      primary = a.primary;
      secondary = a.secondary;
    }
  } else {
    let i = raw.length;
    while (--i >= 0) if (!isWs(raw[i]) && raw[i] !== '\n' && raw[i] !== '\r') break;
    end = i + 1;
  }
  const strippedLen = stripped.replace(/[ \t\f\r\n]+$/, '').length;
  const hasSecondary = leftEnd !== -1 || rightStart !== -1;
  if (end - start === strippedLen && !hasSecondary) return out;
  let carets = '    ';
  for (let i = truncation; i < end; i++) {
    if (i < start) carets += ' ';
    else if (hasSecondary && i >= leftEnd && i < rightStart) carets += secondary;
    else carets += primary;
  }
  return out + carets + '\n';
}

export function typeIsException(t: PyObject): boolean {
  return t instanceof PyType && t.isExceptionType;
}
