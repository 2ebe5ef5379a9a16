// Reads of a function's local variable that some path reaches before any assignment: CPython
// raises UnboundLocalError there ("cannot access local variable 'x' where it is not associated
// with a value"). A forward "definitely assigned" analysis over each function body: the state is
// the set of locals assigned on every path to a point; branches meet by intersection; loops
// iterate to a fixed point; break/continue/return/raise end a path; an exception can leave a try
// body before any of its statements, so handlers start from the meet of those points; `del`
// and the implicit `del` at the end of `except ... as name` unassign. A read is reported only
// if the name is local to this function (the symbol table says LOCAL or CELL) and the read
// itself happens in this function's block — comprehension variables and reads from nested
// functions belong to other blocks and are left alone.

import { DEF_BOUND, NameScope, NODE_FIELDS } from './runtimeApi';
import type { AstExpr, AstNode, AstPattern, AstStmt, MatchCase, Name, Scope, SymbolTable } from './runtimeApi';
import { scopeOfBlock, scopeOfName } from './frontEnd';
import type { NameIndex } from './nameIndex';

export const UNBOUND_LOCAL_MESSAGE = (name: string) => `cannot access local variable '${name}' where it is not associated with a value`;

export interface UnboundRead {
  name: string;
  node: Name;
}

/** The names assigned on every path so far; null where no path reaches (after return, raise, break). */
type State = ReadonlySet<string> | null;

function meet(states: State[]): State {
  let result: Set<string> | null = null;
  for (const state of states) {
    if (state === null) continue;
    if (result === null) result = new Set(state);
    else for (const name of result) if (!state.has(name)) result.delete(name);
  }
  return result;
}

function sameState(a: State, b: State): boolean {
  if (a === null || b === null) return a === b;
  if (a.size !== b.size) return false;
  for (const name of a) if (!b.has(name)) return false;
  return true;
}

function withName(state: State, name: string): State {
  if (state === null || state.has(name)) return state;
  const next = new Set(state);
  next.add(name);
  return next;
}

function withoutName(state: State, name: string): State {
  if (state === null || !state.has(name)) return state;
  const next = new Set(state);
  next.delete(name);
  return next;
}

/** Reads of locals that some path reaches unassigned, in every def of the document (`functions`: their nodes). */
export function findUnboundLocalReads(table: SymbolTable, index: NameIndex, functions: readonly FunctionNode[]): UnboundRead[] {
  const reads: UnboundRead[] = [];
  for (const fn of functions) {
    const scope = scopeOfBlock(table, fn);
    if (!scope) continue;
    try {
      reads.push(...new FunctionFlow(table, index, scope).run(fn));
    } catch (error) {
      // A body nested deeper than the JavaScript stack allows gets no warnings, rather than breaking the file's.
      if (!(error instanceof RangeError)) throw error;
    }
  }
  const seen = new Set<Name>();
  return reads
    .filter((r) => (seen.has(r.node) ? false : (seen.add(r.node), true)))
    .sort((a, b) => a.node.lineno - b.node.lineno || a.node.col_offset - b.node.col_offset);
}

export type FunctionNode = Extract<AstNode, { nodeType: 'FunctionDef' | 'AsyncFunctionDef' }>;

interface LoopFrame {
  breaks: State[];
  continues: State[];
}

class FunctionFlow {
  /** Locals of this function (LOCAL or CELL and bound here), by symbol-table name. */
  private readonly tracked = new Set<string>();
  private readonly reads = new Map<Name, UnboundRead>();
  private readonly loops: LoopFrame[] = [];
  /** Open try bodies: each collects the states an exception could leave from. */
  private readonly tries: State[][] = [];

  constructor(
    private readonly table: SymbolTable,
    private readonly index: NameIndex,
    private readonly scope: Scope,
  ) {
    for (const symbol of scope.symbols.values()) {
      if ((symbol.scope === NameScope.Local || symbol.scope === NameScope.Cell) && symbol.flags & DEF_BOUND) this.tracked.add(symbol.name);
    }
  }

  run(fn: FunctionNode): UnboundRead[] {
    if (this.tracked.size === 0) return [];
    this.block(fn.body, new Set(this.scope.parameterNames));
    return [...this.reads.values()];
  }

  // ---- names ------------------------------------------------------------------------------------

  /** The symbol-table name of a Name node if it is one of this function's locals, used in this block. */
  private local(node: AstNode & { nodeType: 'Name' }): string | null {
    if (scopeOfName(this.table, node) !== this.scope) return null;
    const symbolName = this.index.ofNode(node)?.symbolName ?? node.id;
    return this.tracked.has(symbolName) ? symbolName : null;
  }

  private read(node: Name, state: State): void {
    const name = this.local(node);
    if (name !== null && state !== null && !state.has(name)) this.reads.set(node, { name: node.id, node });
  }

  private bindName(name: string, state: State): State {
    return this.tracked.has(name) ? withName(state, name) : state;
  }

  // ---- statements -------------------------------------------------------------------------------

  private block(statements: readonly AstStmt[], state: State): State {
    for (const statement of statements) {
      if (state === null) return null;
      for (const pending of this.tries) pending.push(state);
      state = this.statement(statement, state);
    }
    return state;
  }

  private statement(s: AstStmt, state: State): State {
    switch (s.nodeType) {
      case 'Expr': {
        const after = this.expr(s.value, state);
        return this.neverReturns(s.value) ? null : after;
      }
      case 'Assign': {
        state = this.expr(s.value, state);
        for (const target of s.targets) state = this.target(target, state);
        return state;
      }
      case 'AugAssign': {
        if (s.target.nodeType === 'Name') {
          this.read(s.target, state);
          state = this.expr(s.value, state);
          return this.target(s.target, state);
        }
        state = this.expr(s.target, state);
        return this.expr(s.value, state);
      }
      case 'AnnAssign':
        if (!s.value) return s.target.nodeType === 'Name' ? state : this.expr(s.target, state);
        return this.target(s.target, this.expr(s.value, state));
      case 'Return':
        if (s.value) this.expr(s.value, state);
        return null;
      case 'Raise':
        if (s.exc) state = this.expr(s.exc, state);
        if (s.cause) this.expr(s.cause, state);
        return null;
      case 'Delete':
        for (const target of s.targets) state = this.deleteTarget(target, state);
        return state;
      case 'Assert':
        state = this.expr(s.test, state);
        if (s.msg) this.expr(s.msg, state);
        return state;
      case 'Import':
      case 'ImportFrom':
        for (const alias of s.names) {
          const occurrence = this.index.ofNode(alias);
          if (occurrence) state = this.bindName(occurrence.symbolName, state);
        }
        return state;
      case 'If': {
        state = this.expr(s.test, state);
        return meet([this.block(s.body, state), this.block(s.orelse, state)]);
      }
      case 'While':
        return this.whileLoop(s, state);
      case 'For':
      case 'AsyncFor':
        return this.forLoop(s, state);
      case 'Try':
      case 'TryStar':
        return this.tryStatement(s, state);
      case 'With':
      case 'AsyncWith':
        for (const item of s.items) {
          state = this.expr(item.context_expr, state);
          if (item.optional_vars) state = this.target(item.optional_vars, state);
        }
        return this.block(s.body, state);
      case 'Match':
        return this.match(s.subject, s.cases, state);
      case 'FunctionDef':
      case 'AsyncFunctionDef':
      case 'ClassDef':
        return this.definition(s, state);
      case 'Break':
        this.loops[this.loops.length - 1]?.breaks.push(state);
        return null;
      case 'Continue':
        this.loops[this.loops.length - 1]?.continues.push(state);
        return null;
      case 'Global':
      case 'Nonlocal':
      case 'Pass':
        return state;
    }
  }

  private definition(s: Extract<AstStmt, { nodeType: 'FunctionDef' | 'AsyncFunctionDef' | 'ClassDef' }>, state: State): State {
    for (const decorator of s.decorator_list) state = this.expr(decorator, state);
    if (s.nodeType === 'ClassDef') {
      for (const base of s.bases) state = this.expr(base, state);
      for (const keyword of s.keywords) state = this.expr(keyword.value, state);
    } else {
      for (const value of s.args.defaults) state = this.expr(value, state);
      for (const value of s.args.kw_defaults) if (value) state = this.expr(value, state);
    }
    const occurrence = this.index.ofNode(s);
    return occurrence ? this.bindName(occurrence.symbolName, state) : state;
  }

  private whileLoop(s: Extract<AstStmt, { nodeType: 'While' }>, state: State): State {
    const infinite = s.test.nodeType === 'Constant' && Boolean(s.test.value) && s.test.value !== 0n;
    return this.loop(state, (entry) => this.expr(s.test, entry), (afterTest) => afterTest, s.body, s.orelse, infinite);
  }

  private forLoop(s: Extract<AstStmt, { nodeType: 'For' | 'AsyncFor' }>, state: State): State {
    state = this.expr(s.iter, state);
    return this.loop(state, (entry) => entry, (afterTest) => this.target(s.target, afterTest), s.body, s.orelse, false);
  }

  /**
   * A loop to a fixed point: the head is reached from before the loop, the end of the body and
   * every `continue`; the body starts after the test (and the loop target's assignment); the
   * `else` runs when the test fails; after the loop is the meet of the `else` and every `break`.
   */
  private loop(before: State, test: (entry: State) => State, enterBody: (afterTest: State) => State, body: AstStmt[], orelse: AstStmt[], infinite: boolean): State {
    let entry = before;
    for (let pass = 0; ; pass++) {
      const frame: LoopFrame = { breaks: [], continues: [] };
      this.loops.push(frame);
      const afterTest = test(entry);
      const end = this.block(body, enterBody(afterTest));
      this.loops.pop();
      const nextEntry = meet([before, end, ...frame.continues]);
      if (sameState(nextEntry, entry) || pass >= 4) {
        const exit = infinite ? null : afterTest;
        return meet([this.block(orelse, exit), ...frame.breaks]);
      }
      entry = nextEntry;
    }
  }

  private tryStatement(s: Extract<AstStmt, { nodeType: 'Try' | 'TryStar' }>, state: State): State {
    const raisedFrom: State[] = [state];
    this.tries.push(raisedFrom);
    const bodyEnd = this.block(s.body, state);
    this.tries.pop();
    const handlerEntry = meet(raisedFrom);
    const ends: State[] = [this.block(s.orelse, bodyEnd)];
    const handlerRaisedFrom: State[] = [];
    for (const handler of s.handlers) {
      this.tries.push(handlerRaisedFrom);
      let entry = handlerEntry;
      if (handler.type) entry = this.expr(handler.type, entry);
      const occurrence = handler.name !== null ? this.index.ofNode(handler) : undefined;
      if (occurrence) entry = this.bindName(occurrence.symbolName, entry);
      let end = this.block(handler.body, entry);
      this.tries.pop();
      // CPython ends the handler with `name = None; del name`.
      if (occurrence) end = withoutName(end, occurrence.symbolName);
      ends.push(end);
    }
    const normalEnd = meet(ends);
    if (s.finalbody.length === 0) return normalEnd;
    // Once for every path into `finally` (reporting reads an exception path leaves unassigned),
    // once for the normal path, whose result the following code sees.
    this.block(s.finalbody, meet([normalEnd, handlerEntry, ...handlerRaisedFrom]));
    return normalEnd === null ? null : this.block(s.finalbody, normalEnd);
  }

  private match(subject: AstExpr, cases: MatchCase[], state: State): State {
    state = this.expr(subject, state);
    const ends: State[] = [];
    let exhaustive = false;
    for (const matchCase of cases) {
      let entry = this.pattern(matchCase.pattern, state);
      if (matchCase.guard) entry = this.expr(matchCase.guard, entry);
      ends.push(this.block(matchCase.body, entry));
      if (!matchCase.guard && irrefutable(matchCase.pattern)) exhaustive = true;
    }
    if (!exhaustive) ends.push(state);
    return meet(ends);
  }

  private pattern(p: AstPattern, state: State): State {
    switch (p.nodeType) {
      case 'MatchValue':
        return this.expr(p.value, state);
      case 'MatchSingleton':
        return state;
      case 'MatchSequence':
        for (const sub of p.patterns) state = this.pattern(sub, state);
        return state;
      case 'MatchMapping':
        for (const key of p.keys) state = this.expr(key, state);
        for (const sub of p.patterns) state = this.pattern(sub, state);
        return p.rest !== null ? this.bindOccurrence(p, state) : state;
      case 'MatchClass':
        state = this.expr(p.cls, state);
        for (const sub of [...p.patterns, ...p.kwd_patterns]) state = this.pattern(sub, state);
        return state;
      case 'MatchStar':
        return p.name !== null ? this.bindOccurrence(p, state) : state;
      case 'MatchAs':
        if (p.pattern) state = this.pattern(p.pattern, state);
        return p.name !== null ? this.bindOccurrence(p, state) : state;
      case 'MatchOr':
        // Every alternative binds the same names (CPython checks), so any of them will do.
        return meet(p.patterns.map((sub) => this.pattern(sub, state)));
    }
  }

  private bindOccurrence(node: AstNode, state: State): State {
    const occurrence = this.index.ofNode(node);
    return occurrence ? this.bindName(occurrence.symbolName, state) : state;
  }

  /**
   * Calls that end the program rather than return: builtin exit()/quit(), sys.exit(),
   * os._exit(), os.abort(). Code after them is on no path, so it reads nothing unassigned.
   */
  private neverReturns(e: AstExpr): boolean {
    if (e.nodeType !== 'Call') return false;
    const f = e.func;
    if (f.nodeType === 'Name') return (f.id === 'exit' || f.id === 'quit') && this.index.ofNode(f)?.resolution.kind === 'builtin';
    if (f.nodeType === 'Attribute' && f.value.nodeType === 'Name') {
      const module = this.index.ofNode(f.value);
      if (!module) return false;
      const bindings = this.index.bindingsOf(module);
      const imported = bindings.length > 0 && bindings.every((b) => b.role === 'import');
      return imported && ((f.value.id === 'sys' && f.attr === 'exit') || (f.value.id === 'os' && (f.attr === '_exit' || f.attr === 'abort')));
    }
    return false;
  }

  // ---- targets and expressions ------------------------------------------------------------------

  private target(t: AstExpr, state: State): State {
    switch (t.nodeType) {
      case 'Name': {
        const name = this.local(t);
        return name !== null ? withName(state, name) : state;
      }
      case 'Tuple':
      case 'List':
        for (const element of t.elts) state = this.target(element, state);
        return state;
      case 'Starred':
        return this.target(t.value, state);
      default:
        // Attribute and subscript targets evaluate their object and index.
        return this.expr(t, state);
    }
  }

  private deleteTarget(t: AstExpr, state: State): State {
    switch (t.nodeType) {
      case 'Name': {
        // DELETE_FAST of an unbound local raises the same UnboundLocalError.
        this.read(t, state);
        const name = this.local(t);
        return name !== null ? withoutName(state, name) : state;
      }
      case 'Tuple':
      case 'List':
        for (const element of t.elts) state = this.deleteTarget(element, state);
        return state;
      default:
        return this.expr(t, state);
    }
  }

  private expr(e: AstExpr, state: State): State {
    if (state === null) return null;
    switch (e.nodeType) {
      case 'Name':
        if (e.ctx.nodeType === 'Load') this.read(e, state);
        else if (e.ctx.nodeType === 'Store') return this.target(e, state);
        return state;
      case 'NamedExpr':
        return this.target(e.target, this.expr(e.value, state));
      case 'BoolOp': {
        // Only the first operand always runs; later ones see its assignments but add none for sure.
        const first = this.expr(e.values[0], state);
        let current = first;
        for (const value of e.values.slice(1)) current = this.expr(value, current);
        return first;
      }
      case 'IfExp': {
        const afterTest = this.expr(e.test, state);
        return meet([this.expr(e.body, afterTest), this.expr(e.orelse, afterTest)]);
      }
      case 'Lambda':
        for (const value of e.args.defaults) state = this.expr(value, state);
        for (const value of e.args.kw_defaults) if (value) state = this.expr(value, state);
        return state;
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
      case 'DictComp':
        // Only the first iterable runs in this block; the rest is the comprehension's own scope.
        return this.expr(e.generators[0].iter, state);
      default: {
        const record = e as unknown as Record<string, unknown>;
        for (const field of NODE_FIELDS[e.nodeType]) {
          const value = record[field];
          if (Array.isArray(value)) {
            for (const item of value) if (isExpression(item)) state = this.expr(item, state);
          } else if (isExpression(value)) {
            state = this.expr(value, state);
          }
        }
        return state;
      }
    }
  }
}

function isExpression(value: unknown): value is AstExpr {
  return typeof value === 'object' && value !== null && 'nodeType' in value && 'lineno' in value;
}

function irrefutable(p: AstPattern): boolean {
  if (p.nodeType === 'MatchAs') return p.pattern === null;
  if (p.nodeType === 'MatchOr') return p.patterns.some(irrefutable);
  return false;
}
