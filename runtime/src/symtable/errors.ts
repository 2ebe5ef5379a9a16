// Errors the symbol table and the compiler raise. CPython reports them with
// PyErr_RangedSyntaxLocationObject(lineno, col_offset + 1, ...) straight from the AST, so unlike
// the parser's errors their offsets stay in UTF-8 bytes: `def f(ä, ä)` reports column 11, not
// 10. We keep that, because the oracle (and any user comparing with CPython) sees it.

import { COMPILER_RECURSION_LIMIT, PyLimitError, PySyntaxError } from '../syntax/errors';
import type { SourceRange } from './scope';

export function syntaxErrorAt(msg: string, range: SourceRange): PySyntaxError {
  return new PySyntaxError({
    type: 'SyntaxError',
    msg,
    lineno: range.lineno,
    offset: range.col_offset + 1,
    end_lineno: range.end_lineno,
    end_offset: range.end_col_offset + 1,
    text: null,
  });
}

/**
 * CPython fills SyntaxError.text by re-reading the line from the file (newline included); we
 * do the same from the source when the caller has it, so tracebacks can show the line.
 */
export function attachSourceText(error: unknown, source: string | undefined): void {
  if (!(error instanceof PySyntaxError) || source === undefined || error.info.text !== null) return;
  const lineno = error.info.lineno;
  if (lineno < 1) return;
  const lines = source.split(/(?<=\r\n|\r(?!\n)|\n)/);
  const line = lines[lineno - 1];
  if (line !== undefined) error.info.text = line.replace(/\r\n?$/, '\n');
}

/** PyErr_SyntaxLocationObject(filename, lineno, col): no end position (CPython leaves end_offset None; we repeat). */
export function syntaxErrorAtPoint(msg: string, lineno: number, offset: number): PySyntaxError {
  return new PySyntaxError({ type: 'SyntaxError', msg, lineno, offset, end_lineno: lineno, end_offset: offset, text: null });
}

/**
 * CPython's symbol table counts nesting (statements and expressions) and raises RecursionError
 * ("maximum recursion depth exceeded during compilation") beyond 3 × the recursion limit. It is
 * not a SyntaxError, so callers that report SyntaxErrors let it through; the VM turns it into
 * a Python RecursionError.
 */
export class CompilationRecursionError extends PyLimitError {
  constructor() {
    super('RecursionError', 'maximum recursion depth exceeded during compilation');
  }
}

/** sys.getrecursionlimit() (1000) × COMPILER_STACK_FRAME_SCALE (3), for a compile started from C. */
export const COMPILATION_NESTING_LIMIT = COMPILER_RECURSION_LIMIT;
