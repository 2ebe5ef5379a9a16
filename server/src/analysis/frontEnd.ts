// The server's one doorway into the runtime: parse, symbol tables, compile, and the dumps, all
// through the runtime's public API (runtimeApi.ts). Everything else in server/ talks to these functions and the
// types re-exported here, so a change in the runtime's public API is absorbed in one place.
// None of these throws for bad input: a SyntaxError comes back as data, because in an editor
// a broken program is the normal case, not an exception.

import {
  buildSymtable,
  checkCompileErrors,
  compileSource,
  disDumpCode,
  dumpSymtable,
  parseTolerant,
  PyLimitError,
  PySyntaxError,
} from './runtimeApi';
import type { CodeObject, Module, Scope, SymbolTable, SyntaxErrorInfo } from './runtimeApi';

export type { SyntaxErrorInfo };

export interface ParseOutcome {
  tree: Module;
  /** Every error tolerant mode found, in source order; the first is CPython's SyntaxError. */
  errors: SyntaxErrorInfo[];
}

export function parseDocument(source: string, filename: string): ParseOutcome {
  try {
    return parseTolerant(source, filename);
  } catch (error) {
    // The parser promises data, not exceptions; if it breaks anyway the editor must survive it.
    const info = errorInfoOf(error);
    return { tree: { nodeType: 'Module', body: [], type_ignores: [] }, errors: [info] };
  }
}

export type SymtableOutcome = { table: SymbolTable; error: null } | { table: null; error: SyntaxErrorInfo };

export function buildScopes(tree: Module, filename: string): SymtableOutcome {
  try {
    return { table: buildSymtable(tree, filename), error: null };
  } catch (error) {
    return { table: null, error: errorInfoOf(error) };
  }
}

export type CompileOutcome = { code: CodeObject; error: null } | { code: null; error: SyntaxErrorInfo };

export function compilerAvailable(): boolean {
  return typeof compileSource === 'function';
}

/**
 * The whole compile, from source: the compiler's AST optimiser rewrites the tree it is given, so
 * it must never see the tree the other features share. Costs a second parse; only the bytecode
 * listing and code-object hovers ask for it.
 */
export function compileDocument(source: string, filename: string): CompileOutcome | null {
  try {
    return { code: compileSource(source, filename), error: null };
  } catch (error) {
    return { code: null, error: errorInfoOf(error) };
  }
}

/** The compiler's own SyntaxErrors (misplaced return/break/await, starred targets …), checked on the shared tree without compiling it. */
export function compileErrorOf(tree: Module, table: SymbolTable): SyntaxErrorInfo | null {
  try {
    checkCompileErrors(tree, table);
    return null;
  } catch (error) {
    return errorInfoOf(error);
  }
}

/** dis_dump.py's text for one code object and the code nested in it. */
export function disassemble(code: CodeObject): string {
  return disDumpCode(code);
}

/** symtable_dump.py's text for the whole table. */
export function dumpScopes(table: SymbolTable): string {
  return dumpSymtable(table);
}

/** The block scope a def/class/lambda/comprehension/module node opened. */
export function scopeOfBlock(table: SymbolTable, node: object): Scope | undefined {
  return table.scopeFor(node as never);
}

/** The block in which a name-carrying node (Name, arg, alias, def, class, handler, pattern) occurs. */
export function scopeOfName(table: SymbolTable, node: object): Scope | undefined {
  return table.scopeOfNode(node as never);
}

function errorInfoOf(error: unknown): SyntaxErrorInfo {
  if (error instanceof PySyntaxError) return error.info;
  if (error instanceof PyLimitError) {
    // MemoryError from the parser's stack limit, RecursionError from symtable or compiler: not
    // SyntaxErrors, but what CPython raises for the same input, under its own name.
    const type = error.pythonType as unknown as SyntaxErrorInfo['type'];
    return { type, msg: error.message, lineno: 1, offset: 1, end_lineno: 1, end_offset: 1, text: null };
  }
  // An internal failure (a bug in the runtime, a stack overflow on pathological nesting) is
  // reported at the top of the file rather than crashing the server.
  const message = error instanceof Error ? error.message : String(error);
  return { type: 'SyntaxError', msg: `internal error: ${message}`, lineno: 1, offset: 1, end_lineno: 1, end_offset: 1, text: null };
}
