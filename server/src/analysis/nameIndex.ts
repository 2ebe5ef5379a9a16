// Every place a document mentions a variable, with where it is in the text and how CPython
// resolves it: Name nodes, parameters, def/class names, import aliases, except-handler names,
// match captures and the names in global/nonlocal statements. Built once per document version
// from the tree and the symbol table; inlay hints, hover, semantic tokens, highlights,
// definition, references and rename are all lookups in this index.
//
// Positions stay in CPython's units here (1-based line, UTF-8 byte columns); features convert
// to the editor's UTF-16 columns at the edge. Nodes that carry a name but no position for it
// (a def's name, `as x`, `global a, b`) are located by scanning the source from the node.

import { mangle, NODE_FIELDS } from './runtimeApi';
import type { AstNode, LineMap, Module, Scope, Symbol, SymbolTable } from './runtimeApi';
import { scopeOfBlock, scopeOfName } from './frontEnd';
import { ResolutionContext, type Resolution } from './resolution';

export type OccurrenceRole =
  | 'read'
  | 'store'
  /** `x += 1`: read, then stored. */
  | 'augmented'
  | 'delete'
  | 'parameter'
  | 'function'
  | 'class'
  | 'import'
  | 'handler'
  | 'pattern'
  /** the name in a `global` or `nonlocal` statement */
  | 'declaration';

export interface NameOccurrence {
  /** As written (after NFKC normalisation, like CPython's identifiers). */
  name: string;
  /** As the symbol table stores it (private names mangled inside a class). */
  symbolName: string;
  role: OccurrenceRole;
  line: number;
  startByte: number;
  endByte: number;
  node: AstNode;
  /** The block the name occurs in. */
  scope: Scope;
  symbol: Symbol | undefined;
  resolution: Resolution;
}

/** Roles that bind the name (for definition and the "binding site" in hovers). */
export function isBindingRole(role: OccurrenceRole): boolean {
  return role !== 'read' && role !== 'declaration' && role !== 'delete';
}

export class NameIndex {
  /** Sorted by position. */
  readonly occurrences: NameOccurrence[];
  readonly context: ResolutionContext;
  private readonly byKey = new Map<string, NameOccurrence[]>();
  private readonly byNode = new Map<AstNode, NameOccurrence>();

  constructor(tree: Module, table: SymbolTable, lines: LineMap) {
    this.context = new ResolutionContext(table);
    this.occurrences = new NameCollector(table, lines, this.context).collect(tree);
    this.occurrences.sort((a, b) => a.line - b.line || a.startByte - b.startByte);
    for (const occurrence of this.occurrences) {
      const list = this.byKey.get(occurrence.resolution.key);
      if (list) list.push(occurrence);
      else this.byKey.set(occurrence.resolution.key, [occurrence]);
      if (!this.byNode.has(occurrence.node)) this.byNode.set(occurrence.node, occurrence);
    }
  }

  /** The (first) name a node carries: a Name's, a def's, an alias's … */
  ofNode(node: AstNode): NameOccurrence | undefined {
    return this.byNode.get(node);
  }

  /** The occurrence under a position (byte column; the end of a name counts, as editors expect). */
  at(line: number, byteColumn: number): NameOccurrence | undefined {
    let low = 0;
    let high = this.occurrences.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const o = this.occurrences[mid];
      if (o.line < line || (o.line === line && o.endByte < byteColumn)) low = mid + 1;
      else if (o.line > line || o.startByte > byteColumn) high = mid - 1;
      else return o;
    }
    return undefined;
  }

  /** The occurrences on lines first..last (1-based, inclusive), found by binary search. */
  *inLines(first: number, last: number): Generator<NameOccurrence> {
    let low = 0;
    let high = this.occurrences.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.occurrences[mid].line < first) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < this.occurrences.length && this.occurrences[i].line <= last; i++) yield this.occurrences[i];
  }

  /** Every occurrence of the same variable, in source order. */
  sameVariable(occurrence: NameOccurrence): NameOccurrence[] {
    return this.byKey.get(occurrence.resolution.key) ?? [occurrence];
  }

  /** Binding occurrences of the variable, in source order. */
  bindingsOf(occurrence: NameOccurrence): NameOccurrence[] {
    return this.sameVariable(occurrence).filter((o) => isBindingRole(o.role));
  }
}

/** One node still to visit, with the context CPython's compiler would have there. */
interface WorkItem {
  node: AstNode;
  parent: AstNode | null;
  /** The class whose name mangles private names here (CPython's u_private). */
  privateName: string | null;
  /** The block statements belong to (for global/nonlocal, which the symbol table does not map). */
  statementScope: Scope;
}

/**
 * Walks the tree with an explicit stack rather than recursion: a 3,000-deep expression is valid
 * Python up to CPython's own limits, and the editor must survive far deeper ones.
 */
class NameCollector {
  private readonly out: NameOccurrence[] = [];
  private readonly work: WorkItem[] = [];
  private item!: WorkItem;

  constructor(
    private readonly table: SymbolTable,
    private readonly lines: LineMap,
    private readonly context: ResolutionContext,
  ) {}

  collect(tree: Module): NameOccurrence[] {
    for (let i = tree.body.length - 1; i >= 0; i--) {
      this.work.push({ node: tree.body[i], parent: null, privateName: null, statementScope: this.table.top });
    }
    for (let next = this.work.pop(); next; next = this.work.pop()) {
      this.item = next;
      this.visit(next.node, next.parent);
    }
    return this.out;
  }

  /** Queues nodes to visit with the current context (or a changed one); order does not matter, the index sorts. */
  private push(node: AstNode | null | undefined, parent: AstNode, change?: Partial<WorkItem>): void {
    if (!node) return;
    const item = this.item;
    this.work.push({
      node,
      parent,
      privateName: change?.privateName !== undefined ? change.privateName : item.privateName,
      statementScope: change?.statementScope ?? item.statementScope,
    });
  }

  private pushAll(nodes: readonly (AstNode | null)[], parent: AstNode, change?: Partial<WorkItem>): void {
    for (const node of nodes) this.push(node, parent, change);
  }

  private visit(node: AstNode, parent: AstNode | null): void {
    switch (node.nodeType) {
      case 'Name': {
        const role =
          node.ctx.nodeType === 'Load'
            ? 'read'
            : node.ctx.nodeType === 'Del'
              ? 'delete'
              : parent?.nodeType === 'AugAssign' && parent.target === node
                ? 'augmented'
                : 'store';
        this.add(node, node.id, role, node.lineno, node.col_offset, node.end_col_offset);
        return;
      }
      case 'arg':
        this.add(node, node.arg, 'parameter', node.lineno, node.col_offset, node.col_offset + byteLength(node.arg));
        this.push(node.annotation, node);
        return;
      case 'FunctionDef':
      case 'AsyncFunctionDef':
      case 'ClassDef':
        this.visitDefinition(node);
        return;
      case 'alias': {
        if (node.name === '*') return;
        if (node.asname !== null) {
          this.add(node, node.asname, 'import', node.end_lineno, node.end_col_offset - byteLength(node.asname), node.end_col_offset);
        } else {
          const first = node.name.split('.')[0];
          this.add(node, first, 'import', node.lineno, node.col_offset, node.col_offset + byteLength(first));
        }
        return;
      }
      case 'ExceptHandler': {
        this.push(node.type, node);
        if (node.name !== null) {
          const from = node.type ? { line: node.type.end_lineno, byte: node.type.end_col_offset } : { line: node.lineno, byte: node.col_offset };
          this.addFound(node, node.name, 'handler', from.line, from.byte);
        }
        this.pushAll(node.body, node);
        return;
      }
      case 'Global':
      case 'Nonlocal': {
        let from = { line: node.lineno, byte: node.col_offset + (node.nodeType === 'Global' ? 6 : 8) };
        for (const name of node.names) {
          const found = this.addFound(node, name, 'declaration', from.line, from.byte, this.item.statementScope);
          if (found) from = { line: found.line, byte: found.endByte };
        }
        return;
      }
      case 'MatchAs':
        this.push(node.pattern, node);
        if (node.name !== null) this.add(node, node.name, 'pattern', node.end_lineno, node.end_col_offset - byteLength(node.name), node.end_col_offset);
        return;
      case 'MatchStar':
        if (node.name !== null) this.add(node, node.name, 'pattern', node.end_lineno, node.end_col_offset - byteLength(node.name), node.end_col_offset);
        return;
      case 'MatchMapping': {
        this.pushChildren(node);
        if (node.rest !== null) {
          const last = node.patterns[node.patterns.length - 1];
          const from = last ? { line: last.end_lineno, byte: last.end_col_offset } : { line: node.lineno, byte: node.col_offset };
          this.addFound(node, node.rest, 'pattern', from.line, from.byte);
        }
        return;
      }
      default:
        this.pushChildren(node);
    }
  }

  private visitDefinition(node: Extract<AstNode, { nodeType: 'FunctionDef' | 'AsyncFunctionDef' | 'ClassDef' }>): void {
    // Decorators, defaults, annotations, bases run in the enclosing block with its private name.
    this.pushAll(node.decorator_list, node);
    const role = node.nodeType === 'ClassDef' ? 'class' : 'function';
    this.addFound(node, node.name, role, node.lineno, node.col_offset + (node.nodeType === 'AsyncFunctionDef' ? 5 : 0) + (role === 'class' ? 5 : 3));
    const inner = scopeOfBlock(this.table, node) ?? this.item.statementScope;
    if (node.nodeType === 'ClassDef') {
      this.pushAll(node.bases, node);
      this.pushAll(node.keywords.map((k) => k.value), node);
      this.pushAll(node.body, node, { privateName: node.name, statementScope: inner });
    } else {
      this.push(node.args, node);
      this.push(node.returns, node);
      this.pushAll(node.body, node, { statementScope: inner });
    }
  }

  private pushChildren(node: AstNode): void {
    const record = node as unknown as Record<string, unknown>;
    for (const field of NODE_FIELDS[node.nodeType]) {
      const value = record[field];
      if (Array.isArray(value)) {
        for (const item of value) if (item && typeof item === 'object' && 'nodeType' in item) this.push(item as AstNode, node);
      } else if (value && typeof value === 'object' && 'nodeType' in value) {
        this.push(value as AstNode, node);
      }
    }
  }

  /** A name whose exact position the caller knows. */
  private add(node: AstNode, name: string, role: OccurrenceRole, line: number, startByte: number, endByte: number, scope?: Scope): NameOccurrence | undefined {
    const where = scope ?? scopeOfName(this.table, node);
    // Annotations under `from __future__ import annotations` are kept as strings, never evaluated:
    // their names are no variables at run time, so they get no resolution at all.
    if (!where || where.type === 'annotation') return undefined;
    const symbolName = mangle(this.item.privateName, name);
    const symbol = where.lookup(symbolName);
    // A name the symbol table never recorded does nothing at run time (`(y): int` neither
    // evaluates nor binds y), so it is no variable occurrence.
    if (!symbol) return undefined;
    const occurrence: NameOccurrence = {
      name,
      symbolName,
      role,
      line,
      startByte,
      endByte,
      node,
      scope: where,
      symbol,
      resolution: this.context.resolve(where, symbolName),
    };
    this.out.push(occurrence);
    return occurrence;
  }

  /** A name the node carries without its own position: the first whole-word match from a point. */
  private addFound(node: AstNode, name: string, role: OccurrenceRole, line: number, byte: number, scope?: Scope): NameOccurrence | undefined {
    const found = findIdentifier(this.lines, name, line, byte);
    if (!found) return undefined;
    return this.add(node, name, role, found.line, found.startByte, found.startByte + byteLength(name), scope);
  }
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

const IDENTIFIER_CHAR = /[\p{ID_Continue}]/u;

/** The first whole-word `name` at or after (line, byte), looking a few lines ahead for continuations. */
export function findIdentifier(lines: LineMap, name: string, line: number, byte: number): { line: number; startByte: number } | undefined {
  for (let current = line, lookahead = 0; current <= lines.lineCount && lookahead < 8; current++, lookahead++) {
    const text = lines.line(current);
    let from = current === line ? lines.utf16Column(current, byte) : 0;
    for (;;) {
      const index = text.indexOf(name, from);
      if (index < 0) break;
      const before = index > 0 ? text[index - 1] : '';
      const after = text[index + name.length] ?? '';
      if (!IDENTIFIER_CHAR.test(before) && before !== '.' && !IDENTIFIER_CHAR.test(after)) {
        return { line: current, startByte: lines.byteColumn(current, index) };
      }
      from = index + 1;
    }
  }
  return undefined;
}
