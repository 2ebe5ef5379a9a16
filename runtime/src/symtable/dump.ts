// The text view of a symbol table that test/oracle/symtable_dump.py prints for CPython, so the
// two can be compared byte for byte. The oracle goes through Lib/symtable.py, whose answers
// have quirks we reproduce on purpose: in a table named 'top' every bound name counts as
// global; 'namespace' means a child table has the symbol's (unmangled) name; and cells come
// from the compiled code objects, matched by (co_name, co_firstlineno) against the table's
// (name, lineno) — which a decorated def (first line = decorator), a lambda ('<lambda>' vs
// 'lambda') or a comprehension ('<listcomp>' vs 'listcomp') never matches.

import {
  DEF_ANNOT,
  DEF_BOUND,
  DEF_IMPORT,
  DEF_LOCAL,
  DEF_NONLOCAL,
  DEF_PARAM,
  NameScope,
  USE,
  compareCodePoints,
  type Scope,
  type Symbol,
} from './scope';
import type { SymbolTable } from './symtable';

const CODE_NAMES: Record<string, string> = {
  Lambda: '<lambda>',
  ListComp: '<listcomp>',
  SetComp: '<setcomp>',
  DictComp: '<dictcomp>',
  GeneratorExp: '<genexpr>',
  Module: '<module>',
};

/** (co_name, co_firstlineno) of the code object compiled from a scope. */
function codeIdentity(scope: Scope): string {
  const node = scope.node;
  let firstLine = scope.lineno;
  let name = CODE_NAMES[node.nodeType] ?? scope.name;
  if (node.nodeType === 'FunctionDef' || node.nodeType === 'AsyncFunctionDef' || node.nodeType === 'ClassDef') {
    if (node.decorator_list.length) firstLine = node.decorator_list[0].lineno;
  } else if (node.nodeType === 'Module') {
    firstLine = 1;
    name = '<module>';
  }
  return `${name}\0${firstLine}`;
}

function collectCells(scope: Scope, cells: Map<string, Set<string>>): void {
  cells.set(codeIdentity(scope), new Set(scope.cellvars()));
  for (const child of scope.children) collectCells(child, cells);
}

function kinds(symbol: Symbol, moduleScope: boolean, cells: Set<string> | undefined, namespace: boolean): string {
  const out: string[] = [];
  const flags = symbol.flags;
  const where = symbol.scope;
  const boundAtModule = moduleScope && (flags & DEF_BOUND) !== 0;
  const isGlobal = where === NameScope.GlobalImplicit || where === NameScope.GlobalExplicit || boundAtModule;
  const isLocal = where === NameScope.Local || where === NameScope.Cell || boundAtModule;
  const isFree = where === NameScope.Free;
  if (flags & DEF_PARAM) out.push('param');
  if (where === NameScope.GlobalExplicit) out.push('global(declared)');
  else if (isGlobal) out.push('global(implicit)');
  if (flags & DEF_NONLOCAL) out.push('nonlocal');
  if (isFree) out.push('free');
  if (cells?.has(symbol.name)) out.push('cell');
  if (isLocal && !(isFree || isGlobal)) out.push('local');
  if (flags & DEF_IMPORT) out.push('imported');
  if (flags & DEF_LOCAL) out.push('assigned');
  if (flags & USE) out.push('referenced');
  if (flags & DEF_ANNOT) out.push('annotated');
  if (namespace) out.push('namespace');
  return out.join(' ');
}

function walk(scope: Scope, cellMap: Map<string, Set<string>>, depth: number, lines: string[]): void {
  const pad = '  '.repeat(depth);
  let head = `${pad}${scope.type} ${scope.name} line ${scope.lineno}`;
  if (scope.nested) head += ' nested';
  if (scope.isOptimized) head += ' optimized';
  lines.push(head);
  const cells = cellMap.get(`${scope.name}\0${scope.lineno}`);
  const childNames = new Set(scope.children.map((child) => child.name));
  const moduleScope = scope.name === 'top';
  const symbols = [...scope.symbols.values()].sort((a, b) => compareCodePoints(a.name, b.name));
  for (const symbol of symbols) {
    lines.push(`${pad}  ${symbol.name}: ${kinds(symbol, moduleScope, cells, childNames.has(symbol.name))}`);
  }
  for (const child of scope.children) walk(child, cellMap, depth + 1, lines);
}

export function dumpSymtable(table: SymbolTable): string {
  const cellMap = new Map<string, Set<string>>();
  collectCells(table.top, cellMap);
  const lines: string[] = [];
  walk(table.top, cellMap, 0, lines);
  return lines.join('\n') + '\n';
}
