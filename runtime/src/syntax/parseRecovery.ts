// Tolerant parsing for the editor: keep every statement that parses and report every error.
//
// Recovery works on source lines rather than inside the grammar, so that whatever parses is
// parsed by exactly the same rules as parseModule, with the same positions:
// - The file is cut into top-level chunks (a line at column 0 starts one, unless it continues the
//   previous statement: `else`, `except`, a closing bracket, a decorated definition...). After an
//   error, the statements before its chunk are parsed on their own and kept, the chunk is
//   repaired, and parsing resumes after it (the tokenizer starts counting at the chunk's line, so
//   positions are the file's). Each line is therefore parsed a bounded number of times.
// - Inside the broken chunk, the failing line is replaced by a placeholder with its indentation
//   (`pass`, or `if 1:` when it opened a block, so its body still has a parent) and the chunk is
//   parsed again; a line that fails again is blanked; as a last resort the chunk is cut at the
//   failing line. Placeholders are removed from the final tree (a placeholder `if` gives way to
//   its body; a block that would become empty keeps its `pass`).

import type { AstStmt, ExceptHandler, MatchCase } from './ast';
import type { SyntaxErrorInfo } from './errors';
import { parseModuleAt, toErrorInfo } from './parser';

/** Repairs tried on one chunk before it is cut short. */
const MAX_REPAIRS = 40;

const enum LineState { Original, Placeholder, Blank }

/** Lines that continue the statement above them even when they start at column 0. */
const CONTINUATION = /^(else\b|elif\b|except\b|finally\b|[)\]}])/;

export function recoverStatements(source: string, first: SyntaxErrorInfo): { body: AstStmt[]; errors: SyntaxErrorInfo[] } {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const recovery = new Recovery(lines, first);
  const firstChunk = recovery.chunkStart(Math.min(Math.max(first.lineno, 1), lines.length));
  // Before the chunk of the first error the file usually parses in one piece.
  recovery.parseRegion(1, firstChunk);
  recovery.parseChunks(firstChunk, lines.length + 1);
  return { body: recovery.body, errors: recovery.errors };
}

/** Errors of a chunk that may only have been cut in the middle of a bracket or a string. */
const RUNS_PAST_END = / was never closed$|^unterminated triple-quoted string|^unexpected EOF|^expected an indented block/;

/** Most chunks parsed in one go, and most chunks joined to complete one cut too early. */
const MAX_WINDOW = 1024;
const MAX_JOIN = 64;

class Recovery {
  readonly body: AstStmt[] = [];
  readonly errors: SyntaxErrorInfo[] = [];
  private readonly reported: Set<number>;
  /** First lines of the top-level chunks, ascending, then lines.length + 1. */
  private readonly starts: number[] = [];

  constructor(private readonly lines: string[], first: SyntaxErrorInfo) {
    this.reported = new Set([first.lineno]);
    for (let line = 1; line <= lines.length; line++) if (line === 1 || startsChunk(lines, line)) this.starts.push(line);
    this.starts.push(lines.length + 1);
  }

  readonly report = (error: SyntaxErrorInfo): void => {
    if (this.reported.has(error.lineno)) return;
    this.reported.add(error.lineno);
    this.errors.push(error);
  };

  /** Index in `starts` of the chunk containing `line`. */
  private chunkIndex(line: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= line) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  chunkStart(line: number): number {
    return this.starts[this.chunkIndex(line)];
  }

  /** The line `count` chunks after the chunk starting at `from`, at most `to`. */
  private advance(from: number, count: number, to: number): number {
    const index = Math.min(this.chunkIndex(from) + count, this.starts.length - 1);
    return Math.min(this.starts[index], to);
  }

  private tryParse(from: number, to: number): SyntaxErrorInfo | null {
    try {
      append(this.body, parseModuleAt(slice(this.lines, from, to), from).body);
      return null;
    } catch (thrown) {
      return toErrorInfo(thrown);
    }
  }

  /** Lines [from, to) in one piece if they parse, else chunk by chunk. */
  parseRegion(from: number, to: number): void {
    if (from < to && this.tryParse(from, to) !== null) this.parseChunks(from, to);
  }

  /**
   * Lines [from, to) in windows of chunks that double while they parse and shrink to one chunk at
   * an error, so the text between two errors is parsed a small number of times.
   */
  parseChunks(from: number, to: number): void {
    let window = 1;
    while (from < to) {
      const end = this.advance(from, window, to);
      const error = this.tryParse(from, end);
      if (error === null) {
        from = end;
        window = Math.min(window * 2, MAX_WINDOW);
        continue;
      }
      if (window > 1) {
        window = 1;
        continue;
      }
      from = this.brokenChunk(from, end, to, error);
    }
  }

  /** A single chunk [from, alone) that does not parse: join it with what follows, or repair it. */
  private brokenChunk(from: number, alone: number, to: number, error: SyntaxErrorInfo): number {
    for (let join = 2; RUNS_PAST_END.test(error.msg) && join <= MAX_JOIN; join *= 2) {
      const end = this.advance(from, join, to);
      if (end === alone) break;
      const joined = this.tryParse(from, end);
      if (joined === null) return end;
      error = joined;
      if (end >= to) break;
    }
    append(this.body, parseOrRepair(this.lines, from, alone, this.report));
    return alone;
  }
}

function append(body: AstStmt[], stmts: readonly AstStmt[]): void {
  for (const stmt of stmts) body.push(stmt);
}

function slice(lines: readonly string[], from: number, to: number): string {
  return lines.slice(from - 1, to - 1).join('\n');
}

function indentation(line: string): number {
  return /^[ \t\f]*/.exec(line)![0].length;
}

function isCode(line: string): boolean {
  const text = line.trim();
  return text !== '' && !text.startsWith('#');
}

function startsChunk(lines: readonly string[], index: number): boolean {
  const line = lines[index - 1];
  if (!isCode(line) || indentation(line) > 0 || CONTINUATION.test(line)) return false;
  // A definition belongs with the decorators right above it.
  for (let i = index - 1; i >= 1; i--) {
    if (!isCode(lines[i - 1])) continue;
    return !lines[i - 1].startsWith('@');
  }
  return true;
}

/** Statements of lines [from, to): parsed as they are if they can be, else repaired. */
function parseOrRepair(lines: readonly string[], from: number, to: number, report: (e: SyntaxErrorInfo) => void): AstStmt[] {
  const chunk = lines.slice(from - 1, to - 1);
  const states: LineState[] = chunk.map(() => LineState.Original);
  let cutAt = chunk.length;
  for (let attempt = 0; attempt < MAX_REPAIRS + chunk.length + 1; attempt++) {
    let error: SyntaxErrorInfo;
    try {
      return removePlaceholders(parseModuleAt(chunk.slice(0, cutAt).join('\n'), from).body, states, from, true);
    } catch (thrown) {
      error = toErrorInfo(thrown);
      report(error);
    }
    const index = Math.min(Math.max(error.lineno - from, 0), cutAt - 1);
    if (index < 0) break;
    switch (attempt >= MAX_REPAIRS ? LineState.Blank : states[index]) {
      case LineState.Original:
        chunk[index] = placeholderFor(chunk[index]);
        states[index] = LineState.Placeholder;
        blankDecorators(chunk, states, index);
        // An unclosed bracket swallows its continuation lines: blank those too, up to the next
        // line indented no deeper than the one that opened it.
        if (/ was never closed$/.test(error.msg)) blankContinuation(chunk, states, index);
        break;
      case LineState.Placeholder:
        chunk[index] = '';
        states[index] = LineState.Blank;
        break;
      default:
        cutAt = index;
        break;
    }
  }
  return [];
}

function placeholderFor(line: string): string {
  const indent = /^[ \t\f]*/.exec(line)![0];
  const code = line.replace(/#.*$/, '').trimEnd();
  return indent + (code.endsWith(':') ? 'if 1:' : 'pass');
}

/** Decorators right above a replaced line would decorate the placeholder: they go too. */
function blankDecorators(lines: string[], states: LineState[], index: number): void {
  for (let i = index - 1; i >= 0; i--) {
    if (!isCode(lines[i])) continue;
    if (!lines[i].trimStart().startsWith('@')) return;
    lines[i] = '';
    states[i] = LineState.Blank;
  }
}

function blankContinuation(lines: string[], states: LineState[], opening: number): void {
  const depth = indentation(lines[opening]);
  for (let i = opening + 1; i < lines.length; i++) {
    if (isCode(lines[i]) && indentation(lines[i]) <= depth) break;
    lines[i] = '';
    states[i] = LineState.Blank;
  }
}

/**
 * Drops placeholder statements; a placeholder `if` is replaced by its body. A block left empty
 * keeps its placeholder `pass`, so every block still has a statement, as in any real tree.
 */
function removePlaceholders(body: AstStmt[], states: readonly LineState[], from: number, isModule = false): AstStmt[] {
  const out: AstStmt[] = [];
  for (const stmt of body) {
    visitChildren(stmt, states, from);
    if (states[stmt.lineno - from] === LineState.Placeholder) {
      if (stmt.nodeType === 'If') out.push(...stmt.body);
      continue;
    }
    out.push(stmt);
  }
  if (out.length === 0 && body.length > 0 && !isModule) {
    const pass = body.find((stmt) => stmt.nodeType === 'Pass');
    if (pass !== undefined) out.push(pass);
  }
  return out;
}

function visitChildren(stmt: AstStmt, states: readonly LineState[], from: number): void {
  const record = stmt as unknown as Record<string, unknown>;
  for (const field of ['body', 'orelse', 'finalbody']) {
    const value = record[field];
    if (Array.isArray(value) && (value.length === 0 || isStatement(value[0]))) record[field] = removePlaceholders(value as AstStmt[], states, from);
  }
  if (stmt.nodeType === 'Try' || stmt.nodeType === 'TryStar') {
    for (const handler of stmt.handlers as ExceptHandler[]) handler.body = removePlaceholders(handler.body, states, from);
  }
  if (stmt.nodeType === 'Match') {
    for (const c of stmt.cases as MatchCase[]) c.body = removePlaceholders(c.body, states, from);
  }
}

function isStatement(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'lineno' in value && 'nodeType' in value;
}
