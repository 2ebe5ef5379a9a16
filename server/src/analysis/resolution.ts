// How CPython resolves one name in one block, read from the symbol table and never re-derived:
// which binding it reaches (the owning block, or the module, or builtins) and which instruction
// the compiler emits for it. The rules follow CPython 3.11's compiler_nameop and the symtable's
// analyze_name; every feature (hints, hover, tokens, navigation, rename) uses these answers.

import { DEF_BOUND, NameScope } from './runtimeApi';
import type { Scope, Symbol, SymbolTable } from './runtimeApi';
import { BUILTIN_NAMES } from './builtins.generated';

const BUILTINS = new Set(BUILTIN_NAMES);

export function isBuiltinName(name: string): boolean {
  return BUILTINS.has(name);
}

/**
 * What a name means where it occurs:
 * - local: a plain local of a function, or a name bound in a class body;
 * - cell: a function local that an inner block captures;
 * - free: a variable of an enclosing function (or the implicit `__class__`);
 * - global: a module-level binding (or a module-level name used at module level);
 * - builtin: not bound at module level, found in builtins;
 * - undefined: neither — the lookup would raise NameError.
 */
export type ResolutionKind = 'local' | 'cell' | 'free' | 'global' | 'builtin' | 'undefined';

export interface Resolution {
  kind: ResolutionKind;
  /** The block whose binding this name reaches; the module for globals; null for builtins and unbound names. */
  owner: Scope | null;
  /**
   * Identity of the variable: every occurrence with the same key is the same variable at run
   * time, so highlights, references and rename group by it.
   */
  key: string;
}

/** Facts about the whole table that single lookups need: which names the module binds anywhere. */
export class ResolutionContext {
  readonly top: Scope;
  /** Names bound at module level, directly or through `global` in some block. */
  private readonly moduleBound = new Set<string>();

  constructor(table: SymbolTable) {
    this.top = table.top;
    const visit = (scope: Scope) => {
      for (const symbol of scope.symbols.values()) {
        const explicitGlobal = symbol.scope === NameScope.GlobalExplicit;
        if ((scope === this.top || explicitGlobal) && symbol.flags & DEF_BOUND) this.moduleBound.add(symbol.name);
      }
      for (const child of scope.children) visit(child);
    };
    visit(this.top);
  }

  isModuleBound(name: string): boolean {
    return this.moduleBound.has(name);
  }

  resolve(scope: Scope, symbolName: string): Resolution {
    const symbol = scope.lookup(symbolName);
    if (scope === this.top) return this.resolveGlobal(symbolName);
    switch (symbol?.scope) {
      case NameScope.Local:
        return { kind: 'local', owner: scope, key: keyOf(scope, symbolName) };
      case NameScope.Cell:
        return { kind: 'cell', owner: scope, key: keyOf(scope, symbolName) };
      case NameScope.Free: {
        const owner = enclosingBinder(scope, symbolName);
        return { kind: 'free', owner, key: owner ? keyOf(owner, symbolName) : `unbound-free:${scope.id}:${symbolName}` };
      }
      case NameScope.GlobalExplicit:
      case NameScope.GlobalImplicit:
        return this.resolveGlobal(symbolName);
      default:
        return { kind: 'undefined', owner: null, key: `unknown:${scope.id}:${symbolName}` };
    }
  }

  private resolveGlobal(name: string): Resolution {
    const key = `global:${name}`;
    if (this.isModuleBound(name)) return { kind: 'global', owner: this.top, key };
    if (isBuiltinName(name)) return { kind: 'builtin', owner: null, key };
    return { kind: 'undefined', owner: null, key };
  }
}

function keyOf(scope: Scope, symbolName: string): string {
  return `${scope.id}:${symbolName}`;
}

/**
 * The block that owns a free variable: the nearest enclosing function that has it as a cell.
 * Class bodies are not visible to nested functions, except for the implicit `__class__` cell
 * a class creates for super() and `__class__`.
 */
export function enclosingBinder(scope: Scope, symbolName: string): Scope | null {
  for (let outer = scope.parent; outer; outer = outer.parent) {
    if (outer.type === 'class') {
      if (symbolName === '__class__' && outer.needsClassClosure) return outer;
      continue;
    }
    const symbol = outer.lookup(symbolName);
    if (symbol && (symbol.scope === NameScope.Cell || symbol.scope === NameScope.Local)) return outer;
    if (outer.type === 'module') return null;
  }
  return null;
}

export type NameAccess = 'load' | 'store' | 'delete';

/**
 * compiler_nameop: the instruction CPython 3.11 emits to load, store or delete a name in a block.
 * Free and cell variables use the *_DEREF family (a class body loads a free variable with
 * LOAD_CLASSDEREF, which looks in the class namespace first); function locals use *_FAST;
 * globals in a function, and explicit globals anywhere, use *_GLOBAL; everything else in a
 * module or class body is *_NAME.
 */
export function nameInstruction(scope: Scope, symbol: Symbol | undefined, access: NameAccess): string {
  const family = instructionFamily(scope, symbol);
  const verb = access === 'load' ? 'LOAD' : access === 'store' ? 'STORE' : 'DELETE';
  if (family === 'DEREF' && access === 'load' && scope.type === 'class') return 'LOAD_CLASSDEREF';
  return `${verb}_${family}`;
}

function instructionFamily(scope: Scope, symbol: Symbol | undefined): 'DEREF' | 'FAST' | 'GLOBAL' | 'NAME' {
  const optimized = scope.type === 'function';
  switch (symbol?.scope) {
    case NameScope.Free:
    case NameScope.Cell:
      return 'DEREF';
    case NameScope.Local:
      return optimized ? 'FAST' : 'NAME';
    case NameScope.GlobalImplicit:
      return optimized ? 'GLOBAL' : 'NAME';
    case NameScope.GlobalExplicit:
      return 'GLOBAL';
    default:
      return 'NAME';
  }
}
