// The runtime's public surface. The CLI, the language server and the debug adapter import
// from here and nowhere else in runtime/, so what is internal can change freely.

// Syntax: one parser for every tool.
export type * from './syntax/ast';
export { NODE_FIELDS, OPTIONAL_FIELDS, LOCATED_NODES } from './syntax/ast';
export { BytesValue, ComplexValue, ELLIPSIS, reprConstant } from './syntax/constants';
export type { ConstantValue } from './syntax/constants';
export { PySyntaxError, PyLimitError } from './syntax/errors';
export type { SyntaxErrorInfo, SyntaxErrorType } from './syntax/errors';
export { LineMap, utf8ToUtf16Column, utf16ToUtf8Column } from './syntax/positions';
export { dumpAst } from './syntax/astDump';
export { parseModule, parseTolerant, isKeyword, ParserMemoryError } from './syntax/parser';

// Scopes: one symbol table for every tool.
export {
  buildSymtable, SymbolTable, Scope, Symbol, NameScope, compareCodePoints, mangle,
  DEF_GLOBAL, DEF_LOCAL, DEF_PARAM, DEF_NONLOCAL, USE, DEF_FREE_CLASS, DEF_IMPORT, DEF_ANNOT, DEF_COMP_ITER, DEF_BOUND,
} from './symtable/symtable';
export type { BlockType, ComprehensionKind, SourceRange, FutureFeatures } from './symtable/symtable';
export { dumpSymtable } from './symtable/dump';

// Compiler: CPython 3.11 code objects, one opcode table, the disassembler.
export { compileModule, compileSource, disDumpText } from './compiler/compile';
export { checkCompileErrors } from './compiler/earlyErrors';
export { getInstructions, prettyFlags, disDumpCode } from './compiler/disassembler';
export type { Instruction } from './compiler/disassembler';
export { ConstTuple, ConstFrozenset, CO_FAST_LOCAL, CO_FAST_CELL, CO_FAST_FREE } from './compiler/codeObject';
export type { CodeObject, CodeConstant } from './compiler/codeObject';

// The VM: run a program like `python3 FILE`, with its I/O through a host.
export { runProgram } from './vm/program';
export type { RunResult } from './vm/program';
export { MemoryHost } from './vm/host';
export type { Host } from './vm/host';

// Text views that match CPython's own tools.
export { astDumpText, symtableDumpText, normalizeNewlines } from './frontend';
