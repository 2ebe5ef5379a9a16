// The runtime's public API as the server sees it. TODO(index): once runtime/src/index.ts exports
// these (list in .notes/lsp-needs-index.txt), this file becomes `export * from
// './runtimeApi'`; until then it names the modules directly, and is the only file
// in server/ that does.

export * from '../../../runtime/src/syntax/ast';
export { parseModule, parseTolerant } from '../../../runtime/src/syntax/parser';
export { PySyntaxError, type SyntaxErrorInfo } from '../../../runtime/src/syntax/errors';
export { LineMap } from '../../../runtime/src/syntax/positions';
export { buildSymtable, SymbolTable, mangle } from '../../../runtime/src/symtable/symtable';
export * from '../../../runtime/src/symtable/scope';
export { dumpSymtable } from '../../../runtime/src/symtable/dump';
export type { CodeObject } from '../../../runtime/src/compiler/codeObject';
export { disDumpCode, prettyFlags } from '../../../runtime/src/compiler/disassembler';

import type { CodeObject } from '../../../runtime/src/compiler/codeObject';
/** The compiler, while it is still being written: null means "not available", and features degrade. */
export const compileSource: ((source: string, filename: string) => CodeObject) | null = null;
