// Document symbols: the outline of classes, functions and methods as nested blocks, plus the
// names a module or class body binds by assignment (its globals and class attributes).

import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { AstStmt } from '../analysis/runtimeApi';
import type { Definition } from '../analysis/definitions';
import type { DocumentAnalysis } from '../analysis/documentAnalysis';
import { nodeRange, rangeOf } from './positions';

export function documentSymbols(analysis: DocumentAnalysis): DocumentSymbol[] {
  const names = analysis.names;
  const lines = analysis.lines;

  const selection = (node: object, fallback: DocumentSymbol['range']) => {
    const o = names?.ofNode(node as never);
    return o ? rangeOf(lines, o.line, o.startByte, o.line, o.endByte) : fallback;
  };

  const assignedNames = (body: readonly AstStmt[]): DocumentSymbol[] => {
    const out: DocumentSymbol[] = [];
    const seen = new Set<string>();
    for (const statement of body) {
      const targets = statement.nodeType === 'Assign' ? statement.targets : statement.nodeType === 'AnnAssign' || statement.nodeType === 'AugAssign' ? [statement.target] : [];
      for (const target of targets) {
        const elements = target.nodeType === 'Tuple' || target.nodeType === 'List' ? target.elts : [target];
        for (const element of elements) {
          if (element.nodeType !== 'Name' || seen.has(element.id)) continue;
          seen.add(element.id);
          const range = nodeRange(lines, element);
          out.push({ name: element.id, kind: SymbolKind.Variable, range: nodeRange(lines, statement), selectionRange: range });
        }
      }
    }
    return out;
  };

  const convert = (definition: Definition, insideClass: boolean): DocumentSymbol | null => {
    const node = definition.node;
    if (definition.kind !== 'function' && definition.kind !== 'class') return null;
    const range = nodeRange(lines, node);
    if (definition.firstLineno < node.lineno) range.start = { line: definition.firstLineno - 1, character: 0 };
    const children = definition.children.map((child) => convert(child, definition.kind === 'class')).filter((c): c is DocumentSymbol => c !== null);
    if (definition.kind === 'class' && node.nodeType === 'ClassDef') children.unshift(...assignedNames(node.body));
    const kind = definition.kind === 'class' ? SymbolKind.Class : insideClass ? SymbolKind.Method : SymbolKind.Function;
    return { name: definition.name, detail: definition.qualname, kind, range, selectionRange: clampInside(selection(node, range), range), children };
  };

  const symbols = assignedNames(analysis.tree.body);
  for (const definition of analysis.definitions) {
    const symbol = convert(definition, false);
    if (symbol) symbols.push(symbol);
  }
  // Definitions nested in lambdas or comprehensions at top level are reached through their parents.
  return symbols.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function clampInside(inner: DocumentSymbol['range'], outer: DocumentSymbol['range']): DocumentSymbol['range'] {
  const before = (a: DocumentSymbol['range']['start'], b: DocumentSymbol['range']['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
  return before(inner.start, outer.start) || before(outer.end, inner.end) ? outer : inner;
}
