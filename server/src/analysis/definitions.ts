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

/** Iterative (an explicit stack), so arbitrarily deep expressions cannot overflow the JavaScript stack. */
export function collectDefinitions(tree: Module): Definition[] {
  const roots: Definition[] = [];
  const work: { node: AstNode; parent: Definition | null }[] = [];
  for (let i = tree.body.length - 1; i >= 0; i--) work.push({ node: tree.body[i], parent: null });
  for (let item = work.pop(); item; item = work.pop()) {
    const { node, parent } = item;
    let here = parent;
    const definition = definitionOf(node, parent);
    if (definition) {
      (parent ? parent.children : roots).push(definition);
      here = definition;
    }
    // Children are pushed in reverse so they are visited, and listed, in source order.
    const record = node as unknown as Record<string, unknown>;
    const fields = NODE_FIELDS[node.nodeType];
    for (let f = fields.length - 1; f >= 0; f--) {
      const value = record[fields[f]];
      // Decorators, defaults, bases and annotations run in the enclosing block; their lambdas
      // and comprehensions belong to it, not to the definition.
      const owner = definition && evaluatedOutside(node, fields[f]) ? parent : here;
      if (Array.isArray(value)) {
        for (let k = value.length - 1; k >= 0; k--) {
          const child = value[k];
          if (child && typeof child === 'object' && 'nodeType' in child) work.push({ node: child as AstNode, parent: owner });
        }
      } else if (value && typeof value === 'object' && 'nodeType' in value) {
        work.push({ node: value as AstNode, parent: owner });
      }
    }
  }
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
