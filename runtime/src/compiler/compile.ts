// The compiler's entry points: compileModule (AST + symbol table → module CodeObject) and
// compileSource / disDumpText, which run the whole front end first (parse, symbol table,
// compile-time errors) exactly as CPython's compile(source, filename, 'exec' | 'eval') does.

import type { Expr, Module } from '../syntax/ast';
import { PySyntaxError, oracleView } from '../syntax/errors';
import { parseModule } from '../syntax/parser';
import { buildSymtable } from '../symtable/symtable';
import { CompilationRecursionError } from '../symtable/errors';
import type { SymbolTable } from '../symtable/symtable';
import { CO_FUTURE_ANNOTATIONS, CO_FUTURE_BARRY_AS_BDFL, assemble } from './assembler';
import type { CodeObject } from './codeObject';
import { CompilerState, ScopeKind } from './compilerUnit';
import { compilerBody, visitStmt } from './codegenStmt';
import { visitExpr } from './codegenExpr';
import { disDumpCode } from './disassembler';
import { checkCompileErrors } from './earlyErrors';
import { optimizeAst } from './astOptimizer';

/**
 * compile()'s modes: a module; a single expression whose value the code object returns; or one
 * interactive statement whose expression statements print their values (PRINT_EXPR).
 */
export type CompileMode = 'exec' | 'eval' | 'single';

/**
 * Compile a parsed module with its symbol table. Like CPython, this first runs the AST optimiser,
 * which folds constants IN PLACE (expression nodes only; scope-opening nodes keep their identity,
 * so `table` stays valid): callers that keep using the tree afterwards should use compileSource.
 */
export function compileModule(tree: Module, table: SymbolTable, filename: string, mode: CompileMode = 'exec'): CodeObject {
  try {
    return compileTree(tree, table, filename, mode);
  } catch (error) {
    // The symbol table admits CPython's nesting limit; should a tree still exhaust the JS stack,
    // report CPython's RecursionError rather than crash the tool.
    if (error instanceof RangeError) throw new CompilationRecursionError();
    throw error;
  }
}

function compileTree(tree: Module, table: SymbolTable, filename: string, mode: CompileMode): CodeObject {
  const c = new CompilerState(table, filename);
  const code = compileUnits(c, tree, table, mode);
  if (c.warnings.length > 0) code.compileWarnings = c.warnings;
  return code;
}

function compileUnits(c: CompilerState, tree: Module, table: SymbolTable, mode: CompileMode): CodeObject {
  if (table.future.annotations) {
    c.futureFlags |= CO_FUTURE_ANNOTATIONS;
    c.futureAnnotations = true;
  }
  if (table.future.barryAsFlufl) c.futureFlags |= CO_FUTURE_BARRY_AS_BDFL;
  optimizeAst(tree);
  c.enterScope(table.top, ScopeKind.Module, '<module>', 1);
  if (mode === 'eval') {
    // CPython's Expression_kind: the value is returned, no implicit None.
    visitExpr(c, (tree.body[0] as Expr).value);
    return assemble(c, false);
  }
  if (mode === 'single') {
    // CPython's Interactive_kind: no docstring, and top-level expression statements print.
    c.interactive = true;
    for (const s of tree.body) visitStmt(c, s);
    return assemble(c, true);
  }
  compilerBody(c, tree.body);
  return assemble(c, true);
}

/**
 * The parser has no expression mode, so 'eval' source is parsed as a module that must hold one
 * expression statement; anything else is CPython's "invalid syntax" (at the second statement, or
 * at the start of a statement that is not an expression).
 */
function checkEvalTree(tree: Module): void {
  const [first, second] = tree.body;
  const bad = !first ? null : first.nodeType !== 'Expr' ? first : second ?? null;
  if (!first) {
    // Empty source: CPython reports line 0, offset 0, with empty text.
    throw new PySyntaxError({ type: 'SyntaxError', msg: 'invalid syntax', lineno: 0, offset: 0, end_lineno: 0, end_offset: 0, text: '' });
  }
  if (bad) {
    const lineno = bad.lineno;
    const offset = bad.col_offset + 1;
    throw new PySyntaxError({ type: 'SyntaxError', msg: 'invalid syntax', lineno, offset, end_lineno: lineno, end_offset: offset, text: null });
  }
}

export function compileSource(source: string, filename: string, mode: CompileMode = 'exec'): CodeObject {
  const tree = parseModule(source, filename);
  if (mode === 'eval') checkEvalTree(tree);
  if (mode === 'single') checkSingleTree(tree, source);
  const table = buildSymtable(tree, filename);
  checkCompileErrors(tree, table);
  return compileModule(tree, table, filename, mode);
}

/** 'single' compiles one statement; a second one is CPython's error at the end of the first line. */
function checkSingleTree(tree: Module, source: string): void {
  if (tree.body.length <= 1) return;
  const second = tree.body[1];
  const lines = source.split(/(?<=\n)/);
  const first = tree.body[0];
  const text = lines[first.lineno - 1] ?? null;
  const offset = second.lineno === first.lineno ? second.col_offset + 1 : (text ?? '').replace(/\n$/, '').length + 1;
  throw new PySyntaxError({ type: 'SyntaxError', msg: 'multiple statements found while compiling a single statement', lineno: first.lineno, offset, end_lineno: first.lineno, end_offset: offset, text });
}

/** What `python3 test/oracle/dis_dump.py FILE` prints for this source. */
export function disDumpText(source: string, filename: string): string {
  return oracleView(source, () => disDumpCode(compileSource(source, filename)));
}
