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
  const linesWithErrors = new Set<number>([first.lineno]);
  let error = first;
  let cutAt = lines.length;
  for (let attempt = 0; attempt < MAX_RECOVERIES; attempt++) {
    const index = Math.min(Math.max(error.lineno, 1), cutAt) - 1;
    if (index >= cutAt) break;
    switch (states[index]) {
      case LineState.Original:
        lines[index] = placeholderFor(lines[index]);
        states[index] = LineState.Placeholder;
        // An unclosed bracket swallows its continuation lines: blank those too, up to the next
        // line indented no deeper than the one that opened it.
        if (/ was never closed$/.test(error.msg)) blankContinuation(lines, states, index);
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
      return { body: removePlaceholders(tree.body, states, true), errors };
    } catch (thrown) {
      error = toErrorInfo(thrown);
      // Report one error per line: a line that fails again after being replaced is not news.
      if (!linesWithErrors.has(error.lineno)) {
        linesWithErrors.add(error.lineno);
        errors.push(error);
      }
    }
  }
  return { body: [], errors };
}

function indentation(line: string): number {
  return /^[ \t\f]*/.exec(line)![0].length;
}

function blankContinuation(lines: string[], states: LineState[], opening: number): void {
  const depth = indentation(lines[opening]);
  for (let i = opening + 1; i < lines.length; i++) {
    const code = lines[i].replace(/#.*$/, '').trim();
    if (code !== '' && indentation(lines[i]) <= depth) break;
    lines[i] = '';
    states[i] = LineState.Blank;
  }
}

function placeholderFor(line: string): string {
  const indent = /^[ \t\f]*/.exec(line)![0];
  const code = line.replace(/#.*$/, '').trimEnd();
  return indent + (code.endsWith(':') ? 'if 1:' : 'pass');
}

/**
 * Drops placeholder statements; a placeholder `if` is replaced by its body. A body left empty
 * keeps its placeholder `pass`, so every block still has a statement, as in any real tree.
 */
function removePlaceholders(body: AstStmt[], states: readonly LineState[], isModule = false): AstStmt[] {
  const out: AstStmt[] = [];
  for (const stmt of body) {
    visitChildren(stmt, states);
    if (states[stmt.lineno - 1] === LineState.Placeholder) {
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
