// Reparsing after an edit without parsing the whole file again.
//
// An edit usually touches one top-level statement. Python's grammar restarts at every line that
// begins at column 0 outside brackets and strings: the tokens before such a line cannot change
// how the lines after it parse. So the new tree is the old tree's untouched top-level statements
// (moved by the number of lines the edit added or removed) around a parse of only the lines
// between the last statement that ends before the edit and the first that starts after it.
//
// Invariants, each guarding the claim that the result equals a full parse:
//  - only a clean old parse and a clean slice parse are combined; anything else (a syntax error,
//    an unterminated string or bracket, an `else:` that would continue the statement before the
//    slice, a line continuation into the slice) makes this return null and the caller parses in
//    full, which also produces CPython's error for the whole file;
//  - the statement after the slice was a statement start in the old parse and its text is
//    unchanged, so nothing in the slice can extend into it;
//  - the old tree's reused statements are shifted in place: the caller must drop the old tree.
//  The test suite checks the claim by comparing against full parses on random edits.

import { NODE_FIELDS, parseTolerant } from './runtimeApi';
import type { AstStmt, Module, NodeType } from './runtimeApi';
import type { ParseOutcome } from './frontEnd';

interface PreviousParse {
  source: string;
  tree: Module;
  errors: readonly unknown[];
}

/** Too few statements and the full parse is as cheap as the bookkeeping. */
const MIN_STATEMENTS = 8;

export function reparseIncrementally(previous: PreviousParse, source: string, filename: string): ParseOutcome | null {
  const body = previous.tree.body;
  if (previous.errors.length > 0 || body.length < MIN_STATEMENTS) return null;
  // Universal newlines and the one future import that changes the grammar keep the full path.
  if (source.includes('\r') || previous.source.includes('\r') || source.includes('barry_as_FLUFL')) return null;

  const oldLines = previous.source.split('\n');
  const newLines = source.split('\n');
  const shorter = Math.min(oldLines.length, newLines.length);
  let prefix = 0;
  while (prefix < shorter && oldLines[prefix] === newLines[prefix]) prefix++;
  if (prefix === oldLines.length && prefix === newLines.length) return null;
  let suffix = 0;
  while (suffix < shorter - prefix && oldLines[oldLines.length - 1 - suffix] === newLines[newLines.length - 1 - suffix]) suffix++;
  // Old lines firstChanged..lastChanged (1-based, inclusive; empty when the edit only inserted).
  const firstChanged = prefix + 1;
  const lastChanged = oldLines.length - suffix;
  const lineDelta = newLines.length - oldLines.length;

  // Statements before `first` end before the edit; statements after `last` start after it.
  let first = 0;
  while (first < body.length && body[first].end_lineno < firstChanged) first++;
  let last = body.length - 1;
  while (last >= 0 && startLine(body[last]) > lastChanged) last--;
  // Statements sharing a line (`a = 1; b = 2`) go to the slice together.
  while (first > 0 && first < body.length && body[first - 1].end_lineno >= startLine(body[first])) first--;
  while (last + 1 < body.length && last >= 0 && startLine(body[last + 1]) <= body[last].end_lineno) last++;
  if (first === 0 && last === body.length - 1) return null;

  const sliceStart = first > 0 ? body[first - 1].end_lineno + 1 : 1;
  const oldSliceEnd = last + 1 < body.length ? startLine(body[last + 1]) - 1 : oldLines.length;
  const newSliceEnd = oldSliceEnd + lineDelta;
  if (newSliceEnd < sliceStart - 1) return null;
  if (first > 0 && oldLines[body[first - 1].end_lineno - 1].endsWith('\\')) return null;

  // Lines before the slice stay as they are (CPython counts lines from 1, the slice from 1 too).
  // The slice keeps the newline that ended its last line, unless that line ended the file.
  const sliceText = newLines.slice(sliceStart - 1, newSliceEnd).join('\n') + (newSliceEnd < newLines.length ? '\n' : '');
  let slice: { tree: Module; errors: readonly unknown[] };
  try {
    slice = parseTolerant(sliceText, filename);
  } catch {
    return null;
  }
  if (slice.errors.length > 0) return null;

  const visited = new Set<object>();
  for (const statement of slice.tree.body) shiftLines(statement, sliceStart - 1, visited);
  const after = body.slice(last + 1);
  if (lineDelta !== 0) for (const statement of after) shiftLines(statement, lineDelta, visited);
  const tree: Module = { nodeType: 'Module', body: [...body.slice(0, first), ...slice.tree.body, ...after], type_ignores: [] };
  return { tree, errors: [] };
}

/** The first line of a statement, its decorators included. */
function startLine(statement: AstStmt): number {
  let line = statement.lineno;
  if ('decorator_list' in statement) for (const decorator of statement.decorator_list) line = Math.min(line, decorator.lineno);
  return line;
}

type AnyNode = { nodeType: NodeType; lineno?: number; end_lineno?: number } & Record<string, unknown>;

/** Moves a node and everything under it by `delta` lines (each node once, even if shared). */
function shiftLines(node: AnyNode | AstStmt, delta: number, visited: Set<object>): void {
  if (visited.has(node)) return;
  visited.add(node);
  const record = node as AnyNode;
  if (typeof record.lineno === 'number') record.lineno += delta;
  if (typeof record.end_lineno === 'number') record.end_lineno += delta;
  for (const field of NODE_FIELDS[record.nodeType]) {
    const value = record[field];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) shiftLines(item, delta, visited);
    } else if (isNode(value)) {
      shiftLines(value, delta, visited);
    }
  }
}

function isNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && typeof (value as { nodeType?: unknown }).nodeType === 'string';
}
