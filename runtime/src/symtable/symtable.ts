// The symbol table for one module: every scope, every name, where each name resolves, and the
// compile-time errors CPython's symtable.c raises (which this module reports with CPython's
// messages and positions). Built in three steps, like CPython: read the leading
// `from __future__` imports (they change how annotations are analysed), walk the tree once to
// collect raw facts per block (builder.ts), then resolve every name (analyze.ts).
//
// Consumers find a scope from the node that opens it (`scopeFor`), and the block a name node
// occurs in from the node itself (`scopeOfNode`); resolution is then `scope.lookup(mangled)`.
// The tree is not modified; everything lives in side tables keyed by node identity.

import type { AstNode, Module } from '../syntax/ast';
import { analyzeTable } from './analyze';
import { SymtableBuilder } from './builder';
import { attachSourceText } from './errors';
import { parseFutureFeatures, type FutureFeatures } from './future';
import { mangle } from './mangle';
import { type NameScope, type Scope, type Symbol } from './scope';

export * from './scope';
export type { FutureFeatures } from './future';
export { mangle } from './mangle';
export { CompilationRecursionError } from './errors';

export class SymbolTable {
  readonly filename: string;
  readonly top: Scope;
  readonly future: FutureFeatures;
  private readonly scopes: Map<AstNode, Scope>;
  private readonly nameScopes: Map<AstNode, Scope>;

  /** The module's source, when the caller gave it: lets later stages fill SyntaxError.text. */
  readonly source: string | undefined;

  constructor(
    filename: string,
    top: Scope,
    future: FutureFeatures,
    scopes: Map<AstNode, Scope>,
    nameScopes: Map<AstNode, Scope>,
    source?: string,
  ) {
    this.source = source;
    this.filename = filename;
    this.top = top;
    this.future = future;
    this.scopes = scopes;
    this.nameScopes = nameScopes;
  }

  /** The scope a Module, FunctionDef, AsyncFunctionDef, ClassDef, Lambda or comprehension node opens. */
  scopeFor(node: AstNode): Scope | undefined {
    return this.scopes.get(node);
  }

  /**
   * The block in which a name-carrying node occurs: Name, arg, alias, ExceptHandler, match
   * patterns that capture, and FunctionDef/ClassDef (for the name they bind, in the enclosing block).
   */
  scopeOfNode(node: AstNode): Scope | undefined {
    return this.nameScopes.get(node);
  }

  /** The symbol a Name (or other name-carrying node) refers to in the block where it occurs. */
  symbolOfName(node: AstNode & { id: string }): Symbol | undefined {
    const scope = this.nameScopes.get(node);
    if (!scope) return undefined;
    return scope.lookup(mangle(this.privateNameOf(scope), node.id));
  }

  /** Where a Name node resolves: LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE or CELL. */
  resolutionOfName(node: AstNode & { id: string }): NameScope | undefined {
    return this.symbolOfName(node)?.scope;
  }

  /** The class whose name mangles identifiers in `scope` (the innermost enclosing class body). */
  privateNameOf(scope: Scope): string | null {
    for (let s: Scope | null = scope; s; s = s.parent) {
      if (s.type === 'class') return s.name;
    }
    return null;
  }

  /** Every scope, depth-first in source order (the order CPython's symtable lists children). */
  *allScopes(): IterableIterator<Scope> {
    const stack: Scope[] = [this.top];
    while (stack.length) {
      const scope = stack.pop()!;
      yield scope;
      for (let i = scope.children.length - 1; i >= 0; i--) stack.push(scope.children[i]);
    }
  }
}

/**
 * Builds the symbol table of a module, or throws the PySyntaxError CPython's symtable.c would
 * (or CompilationRecursionError for absurdly deep nesting). Pass the source to get
 * SyntaxError.text filled in, as CPython does when the file is readable.
 */
export function buildSymtable(tree: Module, filename: string, source?: string): SymbolTable {
  try {
    const future = parseFutureFeatures(tree);
    const { top, scopes, nameScopes } = new SymtableBuilder(future).build(tree);
    analyzeTable(top);
    return new SymbolTable(filename, top, future, scopes, nameScopes, source);
  } catch (error) {
    attachSourceText(error, source);
    throw error;
  }
}
