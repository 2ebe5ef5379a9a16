// Conversions at the editor's edge: the runtime speaks CPython's units (1-based lines, UTF-8
// byte columns in the tree, code-point columns in a parser SyntaxError, byte columns in a
// symtable or compiler SyntaxError) and LSP speaks 0-based lines and UTF-16 columns.

import type { Position, Range } from 'vscode-languageserver';
import type { LineMap } from '../analysis/runtimeApi';

export function positionAt(lines: LineMap, line: number, byteColumn: number): Position {
  return { line: line - 1, character: lines.utf16Column(line, byteColumn) };
}

export function rangeOf(lines: LineMap, line: number, startByte: number, endLine: number, endByte: number): Range {
  return { start: positionAt(lines, line, startByte), end: positionAt(lines, endLine, endByte) };
}

export function nodeRange(lines: LineMap, node: { lineno: number; col_offset: number; end_lineno: number; end_col_offset: number }): Range {
  return rangeOf(lines, node.lineno, node.col_offset, node.end_lineno, node.end_col_offset);
}

/** An editor position as CPython's (line, byte column). */
export function toCPython(lines: LineMap, position: Position): { line: number; byte: number } {
  const line = position.line + 1;
  return { line, byte: lines.byteColumn(line, position.character) };
}

/** A code-point column (0-based) → UTF-16 column on the same line. */
export function codePointToUtf16(text: string, codePoints: number): number {
  let units = 0;
  let count = 0;
  while (units < text.length && count < codePoints) {
    units += text.codePointAt(units)! > 0xffff ? 2 : 1;
    count++;
  }
  return units + Math.max(0, codePoints - count);
}
