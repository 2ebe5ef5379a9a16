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
import type { AstExpr, AstNode, AstStmt } from '../syntax/ast';
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

function collectCells(scope: Scope, cells: Map<string, Set<string>>, dead: Set<AstNode>): void {
  if (dead.has(scope.node)) return; // CPython's optimizer dropped its code object
  cells.set(codeIdentity(scope), new Set(scope.cellvars()));
  for (const child of scope.children) collectCells(child, cells, dead);
}

// ---- which code objects survive CPython 3.11's dead-code elimination -------------------------
// A def, class, lambda or comprehension in unreachable code is compiled, then dropped from
// co_consts with the unreachable block, so the oracle never sees its cells. Observed rules:
// code after a statement that cannot fall through is dead everywhere; in function bodies
// (not module or class bodies) so are the branches a constant test rules out.

const SCOPE_NODES = new Set(['FunctionDef', 'AsyncFunctionDef', 'ClassDef', 'Lambda', 'ListComp', 'SetComp', 'DictComp', 'GeneratorExp']);

function constantTruth(e: AstExpr): boolean | undefined {
  if (e.nodeType === 'Constant') {
    const v = e.value;
    if (v === null) return false;
    if (typeof v === 'boolean') return v;
    if (typeof v === 'bigint') return v !== 0n;
    if (typeof v === 'number') return v !== 0;
    if (typeof v === 'string') return v.length > 0;
    return undefined;
  }
  if (e.nodeType === 'UnaryOp' && e.op.nodeType === 'Not') {
    const inner = constantTruth(e.operand);
    return inner === undefined ? undefined : !inner;
  }
  if (e.nodeType === 'Name' && e.id === '__debug__') return true;
  return undefined;
}

interface CodeUnit {
  /** Start of the last statement that can run, as line * 2^20 + column. */
  lastLive: number;
  /** Scope nodes in unreachable code, with their start positions. */
  unreachable: [AstNode, number][];
}

function positionOf(node: { lineno: number; col_offset: number }): number {
  return node.lineno * 1048576 + node.col_offset;
}

class DeadCodeFinder {
  readonly dead = new Set<AstNode>();
  private unit: CodeUnit = { lastLive: -1, unreachable: [] };

  /** Marks dead scope nodes in a body; returns whether the body can fall through. */
  body(statements: AstStmt[], inFunction: boolean): boolean {
    let reachable = true;
    for (const statement of statements) {
      if (!reachable) this.markAll(statement);
      else {
        this.unit.lastLive = Math.max(this.unit.lastLive, positionOf(statement));
        reachable = this.statement(statement, inFunction);
      }
    }
    return reachable;
  }

  /**
   * One code object's body. Observed in 3.11: unreachable code is dropped (with the code
   * objects it would create) only when no reachable statement follows it in the same code
   * object; otherwise the optimizer keeps it.
   */
  codeBody(statements: AstStmt[], inFunction: boolean): void {
    const outer = this.unit;
    this.unit = { lastLive: -1, unreachable: [] };
    this.body(statements, inFunction);
    for (const [node, position] of this.unit.unreachable) if (position > this.unit.lastLive) this.dead.add(node);
    this.unit = outer;
  }

  /**
   * The module body: as above, except that CPython never drops co_consts[0] (the docstring
   * slot), which in a module is whatever constant codegen loads first. If nothing before the
   * first dead def loads a constant, that def's code object is it, and survives.
   */
  moduleBody(statements: AstStmt[]): void {
    this.codeBody(statements, false);
    for (const statement of statements) {
      const firstScope = findFirst(statement, (node) => SCOPE_NODES.has(node.nodeType) || loadsConstant(node));
      if (!firstScope) continue;
      if (SCOPE_NODES.has(firstScope.nodeType) && this.dead.has(firstScope)) this.dead.delete(firstScope);
      return;
    }
  }

  private statement(s: AstStmt, inFunction: boolean): boolean {
    switch (s.nodeType) {
      case 'Return':
      case 'Raise':
      case 'Break':
      case 'Continue':
        return false;
      case 'FunctionDef':
      case 'AsyncFunctionDef':
        this.codeBody(s.body, true);
        return true;
      case 'ClassDef':
        this.codeBody(s.body, false);
        return true;
      case 'If': {
        const truth = inFunction ? constantTruth(s.test) : undefined;
        if (truth === false) this.markAll(s.body);
        const bodyFalls = truth === false ? false : this.body(s.body, inFunction);
        if (truth === true) this.markAll(s.orelse);
        const elseFalls = truth === true ? false : this.body(s.orelse, inFunction);
        return bodyFalls || elseFalls;
      }
      case 'While': {
        const truth = constantTruth(s.test);
        if (truth === false && inFunction) {
          this.markAll(s.body);
          return this.body(s.orelse, inFunction);
        }
        this.body(s.body, inFunction);
        if (truth === true) {
          // `while True` only ends through a break, which skips the else clause.
          this.markAll(s.orelse);
          return containsBreak(s.body);
        }
        // The else clause runs whenever the loop ends without break.
        return this.body(s.orelse, inFunction) || containsBreak(s.body);
      }
      case 'For':
      case 'AsyncFor':
        this.body(s.body, inFunction);
        return this.body(s.orelse, inFunction) || containsBreak(s.body);
      case 'Assert':
        return constantTruth(s.test) !== false;
      case 'With':
      case 'AsyncWith':
        this.body(s.body, inFunction);
        return true;
      case 'Try':
      case 'TryStar': {
        const bodyFalls = this.body(s.body, inFunction) && this.body(s.orelse, inFunction);
        let handlersFall = false;
        for (const handler of s.handlers) if (this.body(handler.body, inFunction)) handlersFall = true;
        const finalFalls = this.body(s.finalbody, inFunction);
        return finalFalls && (bodyFalls || handlersFall);
      }
      case 'Match': {
        let anyFalls = false;
        for (const matchCase of s.cases) if (this.body(matchCase.body, inFunction)) anyFalls = true;
        const last = s.cases[s.cases.length - 1];
        const exhaustive = last.guard === null && last.pattern.nodeType === 'MatchAs' && last.pattern.pattern === null;
        return anyFalls || !exhaustive;
      }
      default:
        return true;
    }
  }

  /** Unreachable code: note the code objects it would create (outermost only), and look inside them. */
  private markAll(root: unknown): void {
    if (Array.isArray(root)) {
      for (const item of root) this.markAll(item);
    } else if (root && typeof root === 'object' && 'nodeType' in root) {
      const node = root as AstNode;
      if (SCOPE_NODES.has(node.nodeType)) {
        this.unit.unreachable.push([node, positionOf(node as AstNode & { lineno: number; col_offset: number })]);
        if (node.nodeType === 'FunctionDef' || node.nodeType === 'AsyncFunctionDef') this.codeBody(node.body, true);
        else if (node.nodeType === 'ClassDef') this.codeBody(node.body, false);
        return;
      }
      for (const value of Object.values(root)) if (value && typeof value === 'object') this.markAll(value);
    }
  }
}

/** Nodes whose code loads a constant before anything nested in them does. */
function loadsConstant(node: AstNode): boolean {
  switch (node.nodeType) {
    case 'Constant':
    case 'Import':
    case 'ImportFrom':
    case 'Slice':
    case 'AnnAssign':
    case 'JoinedStr':
      return true;
    case 'Call':
      return node.keywords.some((keyword) => keyword.arg !== null);
    default:
      return false;
  }
}

function findFirst(root: unknown, predicate: (node: AstNode) => boolean): AstNode | undefined {
  if (Array.isArray(root)) {
    for (const item of root) {
      const found = findFirst(item, predicate);
      if (found) return found;
    }
  } else if (root && typeof root === 'object' && 'nodeType' in root) {
    if (predicate(root as AstNode)) return root as AstNode;
    for (const value of Object.values(root)) {
      if (value && typeof value === 'object') {
        const found = findFirst(value, predicate);
        if (found) return found;
      }
    }
  }
  return undefined;
}

function containsBreak(statements: AstStmt[]): boolean {
  for (const s of statements) {
    if (s.nodeType === 'Break') return true;
    if (s.nodeType === 'If' || s.nodeType === 'With' || s.nodeType === 'AsyncWith' || s.nodeType === 'Try' || s.nodeType === 'TryStar' || s.nodeType === 'Match') {
      const nested: AstStmt[] = [];
      if ('body' in s) nested.push(...s.body);
      if ('orelse' in s) nested.push(...s.orelse);
      if ('handlers' in s) for (const h of s.handlers) nested.push(...h.body);
      if ('finalbody' in s) nested.push(...s.finalbody);
      if (s.nodeType === 'Match') for (const c of s.cases) nested.push(...c.body);
      if (containsBreak(nested)) return true;
    }
  }
  return false;
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
  const finder = new DeadCodeFinder();
  const moduleNode = table.top.node;
  if (moduleNode.nodeType === 'Module') finder.moduleBody(moduleNode.body);
  collectCells(table.top, cellMap, finder.dead);
  const lines: string[] = [];
  walk(table.top, cellMap, 0, lines);
  return lines.join('\n') + '\n';
}
