// The symbol table's data model: one Scope per block that gets its own namespace at run time
// (module, class body, function, lambda, comprehension), and one Symbol per name that block
// mentions. This is the contract between the symbol table and everyone downstream: the compiler
// picks LOAD_FAST / LOAD_DEREF / LOAD_GLOBAL / LOAD_NAME from `Symbol.scope`, builds co_cellvars and
// co_freevars from `Scope.cellvars()` / `Scope.freevars()`; the language server and the debugger
// read scopes, binding sites and resolutions without ever re-deriving Python's scoping rules.
//
// Invariants (the same as CPython 3.11's PySTEntryObject, Include/internal/pycore_symtable.h):
// - `flags` holds the raw facts gathered by the first pass (DEF_* and USE bits); `scope` is
//   filled in by the analysis pass and is one of LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE,
//   CELL. A Symbol whose only reason to exist is that a nested block needs to pass a free variable
//   through this block has flags 0 and scope FREE, exactly like CPython.
// - `symbols` iterates in first-mention order (CPython's dict order); names are stored mangled
//   (`__x` inside class C is `_C__x`), scope names are not.
// - Comprehensions are real function scopes in 3.11 (PEP 709 inlining came in 3.12).
// - Annotation scopes under `from __future__ import annotations` are created while visiting but
//   never attached as children (CPython does the same), so they never reach the compiler.

import type { AstNode } from '../syntax/ast';

/** Raw facts about a name, collected while walking the tree (CPython's DEF_* bits). */
export const DEF_GLOBAL = 1; // `global` statement
export const DEF_LOCAL = 2; // assigned in this block
export const DEF_PARAM = 4; // formal parameter
export const DEF_NONLOCAL = 8; // `nonlocal` statement
export const USE = 16; // read in this block
export const DEF_FREE = 32; // kept for parity with CPython; 3.11 never sets it
export const DEF_FREE_CLASS = 64; // free in a method, bound in the class body that encloses it
export const DEF_IMPORT = 128; // bound by an import
export const DEF_ANNOT = 256; // annotated (`x: int`)
export const DEF_COMP_ITER = 512; // comprehension iteration variable
/** Any of these makes the name local to the block (unless declared global or nonlocal). */
export const DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/** Where a name resolves, CPython's numbering (symtable.h: LOCAL 1 … CELL 5). */
export const enum NameScope {
  Unresolved = 0,
  Local = 1,
  GlobalExplicit = 2,
  GlobalImplicit = 3,
  Free = 4,
  Cell = 5,
}

export type BlockType = 'function' | 'class' | 'module' | 'annotation';

/** Which comprehension a function-like scope implements, if any. */
export type ComprehensionKind = 'list' | 'set' | 'dict' | 'generator' | null;

export interface SourceRange {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

export class Symbol {
  /** The name as stored (mangled inside a class body). */
  readonly name: string;
  flags = 0;
  scope: NameScope = NameScope.Unresolved;
  /** Nodes that bind the name here: Name (Store/Del), arg, alias, FunctionDef/ClassDef, ExceptHandler, match patterns. */
  readonly bindings: AstNode[] = [];
  /** Name nodes that read the name here (and, for the implicit `__class__`, the `super` Name). */
  readonly references: AstNode[] = [];
  /** `global` / `nonlocal` statements that mention the name in this block. */
  readonly declarations: AstNode[] = [];

  constructor(name: string) {
    this.name = name;
  }

  has(flag: number): boolean {
    return (this.flags & flag) !== 0;
  }
  get isParameter(): boolean {
    return this.has(DEF_PARAM);
  }
  get isReferenced(): boolean {
    return this.has(USE);
  }
  get isAssigned(): boolean {
    return this.has(DEF_LOCAL);
  }
  get isImported(): boolean {
    return this.has(DEF_IMPORT);
  }
  get isAnnotated(): boolean {
    return this.has(DEF_ANNOT);
  }
  get isNonlocalDeclared(): boolean {
    return this.has(DEF_NONLOCAL);
  }
  get isGlobalDeclared(): boolean {
    return this.has(DEF_GLOBAL);
  }
}

let nextScopeId = 0;

export class Scope {
  /** Unique per process; lets tools key scopes without holding nodes. */
  readonly id = nextScopeId++;
  readonly type: BlockType;
  /** CPython's ste_name: 'top', the def/class name (unmangled), 'lambda', 'listcomp', 'setcomp', 'dictcomp', 'genexpr'. */
  readonly name: string;
  /** The node that opened the block: Module, FunctionDef, AsyncFunctionDef, ClassDef, Lambda, a comprehension node. */
  readonly node: AstNode;
  readonly range: SourceRange;
  readonly parent: Scope | null;
  readonly children: Scope[] = [];
  readonly symbols = new Map<string, Symbol>();
  /** Parameter names in CPython's order: positional-only, positional, keyword-only, *args, **kwargs (ste_varnames). */
  readonly parameterNames: string[] = [];

  /** Nested inside a function (directly or through other blocks): its free names may become closures. */
  nested = false;
  /** This block has free variables (or implicit globals while nested). */
  hasFreeVariables = false;
  /** A block nested in this one has free variables. */
  childHasFreeVariables = false;
  generator = false;
  coroutine = false;
  comprehension: ComprehensionKind = null;
  returnsValue = false;
  /** Class bodies only: some method uses `__class__` (or `super`), so the class needs a `__class__` cell. */
  needsClassClosure = false;
  hasVarargs = false;
  hasVarkeywords = false;
  /** Always false in 3.11; kept so consumers can be written for later versions. */
  readonly comprehensionInlined = false;

  /** Builder state (CPython's ste_comp_iter_target / ste_comp_iter_expr). */
  visitingComprehensionTarget = false;
  comprehensionIterDepth = 0;
  /** `global` / `nonlocal` statements (and walrus rebindings) by name, first first: for error positions. */
  readonly directives = new Map<string, SourceRange[]>();

  constructor(type: BlockType, name: string, node: AstNode, range: SourceRange, parent: Scope | null) {
    this.type = type;
    this.name = name;
    this.node = node;
    this.range = range;
    this.parent = parent;
    if (parent && (parent.nested || parent.type === 'function')) this.nested = true;
  }

  get lineno(): number {
    return this.range.lineno;
  }
  get col_offset(): number {
    return this.range.col_offset;
  }
  /** Function-like scopes use fast locals (CPython: CO_OPTIMIZED). */
  get isOptimized(): boolean {
    return this.type === 'function';
  }
  get isLambda(): boolean {
    return this.node.nodeType === 'Lambda';
  }

  createSymbol(name: string): Symbol {
    const symbol = new Symbol(name);
    this.symbols.set(name, symbol);
    return symbol;
  }

  lookup(name: string): Symbol | undefined {
    return this.symbols.get(name);
  }

  flagsOf(name: string): number {
    return this.symbols.get(name)?.flags ?? 0;
  }

  /** Resolution of a (mangled) name in this block; Unresolved if the block never mentions it. */
  scopeOf(name: string): NameScope {
    return this.symbols.get(name)?.scope ?? NameScope.Unresolved;
  }

  /** co_cellvars before any compiler additions: CELL names sorted, or the implicit `__class__` cell. */
  cellvars(): string[] {
    const names: string[] = [];
    for (const symbol of this.symbols.values()) if (symbol.scope === NameScope.Cell) names.push(symbol.name);
    names.sort(compareCodePoints);
    if (this.needsClassClosure) names.push('__class__');
    return names;
  }

  /** co_freevars: FREE names, plus class-body names that a method needs as free variables, sorted. */
  freevars(): string[] {
    const names: string[] = [];
    for (const symbol of this.symbols.values()) {
      if (symbol.scope === NameScope.Free || symbol.has(DEF_FREE_CLASS)) names.push(symbol.name);
    }
    return names.sort(compareCodePoints);
  }

  /**
   * The names 3.11 keeps in co_varnames: parameters (cells included), then plain locals that are
   * not cells. The order after the parameters is CPython's only by accident: co_varnames lists
   * locals as codegen first touches them, so the compiler should append as it emits.
   */
  fastLocals(): string[] {
    const names = [...this.parameterNames];
    for (const symbol of this.symbols.values()) {
      if (symbol.scope === NameScope.Local && !symbol.has(DEF_PARAM)) names.push(symbol.name);
    }
    return names;
  }
}

/** CPython sorts str keys by code point; JavaScript's default sort compares UTF-16 units. */
export function compareCodePoints(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const x = left[i].codePointAt(0)!;
    const y = right[i].codePointAt(0)!;
    if (x !== y) return x - y;
  }
  return left.length - right.length;
}
