import type { Module } from '../syntax/ast';
import type { SymbolTable } from '../symtable/symtable';
export function checkCompileErrors(_tree: Module, _table: SymbolTable): void {}
