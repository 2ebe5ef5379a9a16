// The compiler's entry points: compileModule (AST + symbol table → module CodeObject) and
// compileSource / disDumpText, which run the whole front end first (parse, symbol table,
// compile-time errors) exactly as CPython's compile(source, filename, 'exec') does.

import type { Module } from '../syntax/ast';
import { PySyntaxError } from '../syntax/errors';
import { parseModule } from '../syntax/parser';
import { buildSymtable } from '../symtable/symtable';
import type { SymbolTable } from '../symtable/symtable';
import { CO_FUTURE_ANNOTATIONS, CO_FUTURE_BARRY_AS_BDFL, assemble } from './assembler';
import type { CodeObject } from './codeObject';
import { CompilerState, ScopeKind } from './compilerUnit';
import { compilerBody } from './codegenStmt';
import { disDumpCode } from './disassembler';
import { checkCompileErrors } from './earlyErrors';
import { optimizeAst } from './astOptimizer';

export function compileModule(tree: Module, table: SymbolTable, filename: string): CodeObject {
  const c = new CompilerState(table, filename);
  if (table.future.annotations) {
    c.futureFlags |= CO_FUTURE_ANNOTATIONS;
    c.futureAnnotations = true;
  }
  if (table.future.barryAsFlufl) c.futureFlags |= CO_FUTURE_BARRY_AS_BDFL;
  optimizeAst(tree);
  c.enterScope(table.top, ScopeKind.Module, '<module>', 1);
  compilerBody(c, tree.body);
  return assemble(c, true);
}

export function compileSource(source: string, filename: string): CodeObject {
  const tree = parseModule(source, filename);
  const table = buildSymtable(tree, filename);
  checkCompileErrors(tree, table);
  return compileModule(tree, table, filename);
}

/** What `python3 test/oracle/dis_dump.py FILE` prints for this source. */
export function disDumpText(source: string, filename: string): string {
  // compile() on a str refuses NUL characters before parsing, with no position.
  if (source.includes('\0')) return 'SyntaxError: source code string cannot contain null bytes (line None, column None)\n';
  try {
    return disDumpCode(compileSource(source, filename));
  } catch (error) {
    if (error instanceof PySyntaxError) {
      return `SyntaxError: ${error.info.msg} (line ${error.info.lineno}, column ${error.info.offset})\n`;
    }
    throw error;
  }
}
