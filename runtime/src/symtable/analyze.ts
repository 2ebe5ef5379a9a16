// The second pass (CPython's analyze_block): decide where every name lives, once all blocks are
// known. Each block receives from its parent the names bound in enclosing functions (`bound`)
// and the names declared global further out (`global`); it reports back the names its own
// subtree needs from outside (`free`). A function-like block that binds a name some nested
// block needs turns that local into a CELL; a block that merely lets a free name pass through
// gets a FREE symbol with no flags of its own, so the compiler can thread the cell down.
//
// Class bodies are the odd ones out: their bindings are invisible to nested functions (methods
// see the enclosing function's or the module's names, never the class's), so a class passes its
// parent's sets straight down, plus `__class__`, the implicit cell behind zero-argument super().
// When a method's free name is also bound in the class body, the class symbol gets
// DEF_FREE_CLASS: the class body then loads it with LOAD_CLASSDEREF and lists it in co_freevars.
//
// Errors found here are the ones that need the whole picture: nonlocal names with no binding
// in an enclosing function, nonlocal at module level, and names both nonlocal and global. They
// are reported at the first `nonlocal`/`global` statement naming them, in first-mention order
// within a block, blocks depth-first, as CPython does.

import { syntaxErrorAt } from './errors';
import { DEF_BOUND, DEF_FREE_CLASS, DEF_GLOBAL, DEF_NONLOCAL, NameScope, type Scope } from './scope';

export function analyzeTable(top: Scope): void {
  analyzeBlock(top, null, new Set(), new Set());
}

function union(target: Set<string>, source: Iterable<string>): void {
  for (const name of source) target.add(name);
}

function analyzeBlock(scope: Scope, bound: Set<string> | null, free: Set<string>, global: Set<string>): void {
  const local = new Set<string>();
  const resolved = new Map<string, NameScope>();
  const childGlobal = new Set<string>();
  const childFree = new Set<string>();
  const childBound = new Set<string>();

  if (scope.type === 'class') {
    union(childGlobal, global);
    if (bound) union(childBound, bound);
  }

  for (const symbol of scope.symbols.values()) {
    resolved.set(symbol.name, analyzeName(scope, symbol.name, symbol.flags, bound, local, free, global));
  }

  if (scope.type !== 'class') {
    if (scope.type === 'function') union(childBound, local);
    if (bound) union(childBound, bound);
    union(childGlobal, global);
  } else {
    childBound.add('__class__');
  }

  const freeInChildren = new Set<string>();
  for (const child of scope.children) {
    const childFreeCopy = new Set(childFree);
    analyzeBlock(child, new Set(childBound), childFreeCopy, new Set(childGlobal));
    union(freeInChildren, childFreeCopy);
    if (child.hasFreeVariables || child.childHasFreeVariables) scope.childHasFreeVariables = true;
  }
  union(childFree, freeInChildren);

  if (scope.type === 'function') {
    for (const [name, where] of resolved) {
      if (where === NameScope.Local && childFree.has(name)) {
        resolved.set(name, NameScope.Cell);
        childFree.delete(name);
      }
    }
  } else if (scope.type === 'class') {
    if (childFree.delete('__class__')) scope.needsClassClosure = true;
  }

  updateSymbols(scope, resolved, bound, childFree);
  union(free, childFree);
}

function analyzeName(
  scope: Scope,
  name: string,
  flags: number,
  bound: Set<string> | null,
  local: Set<string>,
  free: Set<string>,
  global: Set<string>,
): NameScope {
  if (flags & DEF_GLOBAL) {
    if (flags & DEF_NONLOCAL) throw errorAtDirective(scope, name, `name '${name}' is nonlocal and global`);
    global.add(name);
    bound?.delete(name);
    return NameScope.GlobalExplicit;
  }
  if (flags & DEF_NONLOCAL) {
    if (!bound) throw errorAtDirective(scope, name, 'nonlocal declaration not allowed at module level');
    if (!bound.has(name)) throw errorAtDirective(scope, name, `no binding for nonlocal '${name}' found`);
    scope.hasFreeVariables = true;
    free.add(name);
    return NameScope.Free;
  }
  if (flags & DEF_BOUND) {
    local.add(name);
    global.delete(name);
    return NameScope.Local;
  }
  // A binding in an enclosing function wins over a global one (having `bound` means nested).
  if (bound?.has(name)) {
    scope.hasFreeVariables = true;
    free.add(name);
    return NameScope.Free;
  }
  if (global.has(name)) return NameScope.GlobalImplicit;
  if (scope.nested) scope.hasFreeVariables = true;
  return NameScope.GlobalImplicit;
}

function updateSymbols(scope: Scope, resolved: Map<string, NameScope>, bound: Set<string> | null, free: Set<string>): void {
  for (const symbol of scope.symbols.values()) symbol.scope = resolved.get(symbol.name)!;
  for (const name of free) {
    const symbol = scope.symbols.get(name);
    if (symbol) {
      // A method's free variable that the class body also binds or declares global.
      if (scope.type === 'class' && symbol.flags & (DEF_BOUND | DEF_GLOBAL)) symbol.flags |= DEF_FREE_CLASS;
      continue;
    }
    if (bound && !bound.has(name)) continue; // resolves to a global further out
    // Only here to pass a cell from an enclosing function to a nested block.
    scope.createSymbol(name).scope = NameScope.Free;
  }
}

function errorAtDirective(scope: Scope, name: string, msg: string): Error {
  const directive = scope.directives.get(name)?.[0];
  if (!directive) return new Error(`symtable: no directive recorded for '${name}'`);
  return syntaxErrorAt(msg, directive);
}
