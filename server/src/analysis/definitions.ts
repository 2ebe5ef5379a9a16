// The blocks that become code objects — functions, lambdas, classes, comprehensions — as a tree
// with CPython's qualified names (compiler_set_qualname: `outer.<locals>.inner`, `C.method`,
// `f.<locals>.<listcomp>`), so code lenses, document symbols, hovers and the bytecode request
// all name a code object the way co_qualname does.

import { NODE_FIELDS } from './runtimeApi';
import type { AstNode, ClassDef, Lambda, Module } from './runtimeApi';

export type DefinitionNode =
  | Extract<AstNode, { nodeType: 'FunctionDef' | 'AsyncFunctionDef' }>
  | ClassDef
  | Lambda
  | Extract<AstNode, { nodeType: 'ListComp' | 'SetComp' | 'DictComp' | 'GeneratorExp' }>;

export interface Definition {
  node: DefinitionNode;
  kind: 'function' | 'class' | 'lambda' | 'comprehension';
  /** co_name: the def/class name, `<lambda>`, `<listcomp>` … */
  name: string;
  qualname: string;
  /** The line of the keyword (the symbol table's lineno). */
  line: number;
  /** co_firstlineno: the first decorator's line for a decorated def or class. */
  firstLineno: number;
  parent: Definition | null;
  children: Definition[];
}

const COMPREHENSION_NAMES = { ListComp: '<listcomp>', SetComp: '<setcomp>', DictComp: '<dictcomp>', GeneratorExp: '<genexpr>' } as const;

export function collectDefinitions(tree: Module): Definition[] {
  const roots: Definition[] = [];
  const walk = (node: AstNode, parent: Definition | null) => {
    let here = parent;
    const definition = definitionOf(node, parent);
    if (definition) {
      (parent ? parent.children : roots).push(definition);
      here = definition;
    }
    const record = node as unknown as Record<string, unknown>;
    for (const field of NODE_FIELDS[node.nodeType]) {
      const value = record[field];
      // Decorators, defaults, bases and a comprehension's first iterable run in the enclosing
      // block; their lambdas and comprehensions belong to it, not to the definition.
      const owner = definition && evaluatedOutside(node, field) ? parent : here;
      if (Array.isArray(value)) {
        for (const item of value) if (item && typeof item === 'object' && 'nodeType' in item) walk(item as AstNode, owner);
      } else if (value && typeof value === 'object' && 'nodeType' in value) {
        walk(value as AstNode, owner);
      }
    }
  };
  for (const statement of tree.body) walk(statement, null);
  return roots;
}

function evaluatedOutside(node: AstNode, field: string): boolean {
  switch (node.nodeType) {
    case 'FunctionDef':
    case 'AsyncFunctionDef':
      return field === 'decorator_list' || field === 'returns' || field === 'args';
    case 'ClassDef':
      return field === 'decorator_list' || field === 'bases' || field === 'keywords';
    case 'Lambda':
      return field === 'args';
    default:
      return false;
  }
}

function definitionOf(node: AstNode, parent: Definition | null): Definition | null {
  switch (node.nodeType) {
    case 'FunctionDef':
    case 'AsyncFunctionDef':
    case 'ClassDef': {
      const firstLineno = node.decorator_list.length ? node.decorator_list[0].lineno : node.lineno;
      const kind = node.nodeType === 'ClassDef' ? 'class' : 'function';
      return make(node, kind, node.name, node.lineno, firstLineno, parent);
    }
    case 'Lambda':
      return make(node, 'lambda', '<lambda>', node.lineno, node.lineno, parent);
    case 'ListComp':
    case 'SetComp':
    case 'DictComp':
    case 'GeneratorExp':
      return make(node, 'comprehension', COMPREHENSION_NAMES[node.nodeType], node.lineno, node.lineno, parent);
    default:
      return null;
  }
}

function make(node: DefinitionNode, kind: Definition['kind'], name: string, line: number, firstLineno: number, parent: Definition | null): Definition {
  const qualname = parent === null ? name : parent.kind === 'class' ? `${parent.qualname}.${name}` : `${parent.qualname}.<locals>.${name}`;
  return { node, kind, name, qualname, line, firstLineno, parent, children: [] };
}

/** Depth-first, in source order. */
export function* allDefinitions(roots: Definition[]): Generator<Definition> {
  for (const definition of roots) {
    yield definition;
    yield* allDefinitions(definition.children);
  }
}
