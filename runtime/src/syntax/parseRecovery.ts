// Tolerant parsing for the editor: keep every statement that parses and report every error.
//
// Recovery works on source lines rather than inside the grammar, so that what does parse is
// parsed by exactly the same rules as parseModule: after an error, the offending line is replaced
// by a placeholder with the same indentation (`pass`, or `if 1:` when the line opened a block so
// its body still has a parent), and the file is parsed again; line numbers and columns of all
// other lines stay put. Placeholders are removed from the final tree, a placeholder `if`'s body
// taking its place. A line that fails again after being replaced is blanked; as a last resort the
// source is cut at the failing line.

import type { AstStmt, ExceptHandler, MatchCase } from './ast';
import type { SyntaxErrorInfo } from './errors';
import { parseModule, toErrorInfo } from './parser';

const MAX_RECOVERIES = 200;

const enum LineState { Original, Placeholder, Blank }

export function recoverStatements(source: string, first: SyntaxErrorInfo): { body: AstStmt[]; errors: SyntaxErrorInfo[] } {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const states: LineState[] = lines.map(() => LineState.Original);
  const errors: SyntaxErrorInfo[] = [];
  let error = first;
  let cutAt = lines.length;
  for (let attempt = 0; attempt < MAX_RECOVERIES; attempt++) {
    const index = Math.min(Math.max(error.lineno, 1), cutAt) - 1;
    if (index >= cutAt) break;
    switch (states[index]) {
      case LineState.Original:
        lines[index] = placeholderFor(lines[index]);
        states[index] = LineState.Placeholder;
        break;
      case LineState.Placeholder:
        lines[index] = '';
        states[index] = LineState.Blank;
        break;
      default:
        cutAt = index;
        break;
    }
    try {
      const tree = parseModule(lines.slice(0, cutAt).join('\n'));
      return { body: removePlaceholders(tree.body, states), errors };
    } catch (thrown) {
      error = toErrorInfo(thrown);
      if (!errors.some((e) => e.lineno === error.lineno && e.msg === error.msg) && !sameError(error, first)) errors.push(error);
    }
  }
  return { body: [], errors };
}

function sameError(a: SyntaxErrorInfo, b: SyntaxErrorInfo): boolean {
  return a.lineno === b.lineno && a.offset === b.offset && a.msg === b.msg;
}

function placeholderFor(line: string): string {
  const indent = /^[ \t\f]*/.exec(line)![0];
  const code = line.replace(/#.*$/, '').trimEnd();
  return indent + (code.endsWith(':') ? 'if 1:' : 'pass');
}

/** Drops placeholder statements; a placeholder `if` is replaced by its body. */
function removePlaceholders(body: AstStmt[], states: readonly LineState[]): AstStmt[] {
  const out: AstStmt[] = [];
  for (const stmt of body) {
    visitChildren(stmt, states);
    if (states[stmt.lineno - 1] === LineState.Placeholder) {
      if (stmt.nodeType === 'If') out.push(...stmt.body);
      continue;
    }
    out.push(stmt);
  }
  return out;
}

function visitChildren(stmt: AstStmt, states: readonly LineState[]): void {
  const record = stmt as unknown as Record<string, unknown>;
  for (const field of ['body', 'orelse', 'finalbody']) {
    const value = record[field];
    if (Array.isArray(value) && (value.length === 0 || isStatement(value[0]))) record[field] = removePlaceholders(value as AstStmt[], states);
  }
  if (stmt.nodeType === 'Try' || stmt.nodeType === 'TryStar') {
    for (const handler of stmt.handlers as ExceptHandler[]) handler.body = removePlaceholders(handler.body, states);
  }
  if (stmt.nodeType === 'Match') {
    for (const c of stmt.cases as MatchCase[]) c.body = removePlaceholders(c.body, states);
  }
}

function isStatement(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'lineno' in value && 'nodeType' in value;
}
