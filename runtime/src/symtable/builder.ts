// The first pass over the tree (CPython's symtable_visit_*): open a Scope for every block, and
// record for every name what each block does with it (assign, read, declare global or
// nonlocal, import, annotate, take as a parameter). No resolution happens here; analyze.ts does
// that once every block is known, because a name's scope can depend on code that comes later.
//
// The walk order is CPython's, not the tree's field order, because it decides three visible
// things: the order of symbols (first mention), which error is reported when a program has
// several, and the order of children. In particular: a def's defaults, annotations and
// decorators are visited in the enclosing block before the def's own block opens; a class's
// bases and keywords likewise; a comprehension's first iterable is visited in the enclosing
// block; a dict comprehension visits its value before its key; `try` visits body, else,
// handlers, finally in that order; an assignment visits targets before the value.

import type {
  Alias,
  Arg,
  Arguments,
  AstExpr,
  AstNode,
  AstPattern,
  AstStmt,
  Comprehension,
  ExceptHandler,
  Located,
  Module,
  Name,
} from '../syntax/ast';
import { COMPILATION_NESTING_LIMIT, CompilationRecursionError, syntaxErrorAt } from './errors';
import type { FutureFeatures } from './future';
import { mangle } from './mangle';
import {
  DEF_ANNOT,
  DEF_COMP_ITER,
  DEF_GLOBAL,
  DEF_IMPORT,
  DEF_LOCAL,
  DEF_NONLOCAL,
  DEF_PARAM,
  Scope,
  USE,
  type BlockType,
  type SourceRange,
} from './scope';

type ComprehensionNode = Extract<AstExpr, { generators: Comprehension[] }>;

const COMPREHENSION_NAMES: Record<ComprehensionNode['nodeType'], string> = {
  ListComp: 'listcomp',
  SetComp: 'setcomp',
  DictComp: 'dictcomp',
  GeneratorExp: 'genexpr',
};

const COMPREHENSION_KINDS = { ListComp: 'list', SetComp: 'set', DictComp: 'dict', GeneratorExp: 'generator' } as const;

const YIELD_IN_COMPREHENSION = {
  list: "'yield' inside list comprehension",
  set: "'yield' inside set comprehension",
  dict: "'yield' inside dict comprehension",
  generator: "'yield' inside generator expression",
} as const;

function rangeOf(node: Located): SourceRange {
  return { lineno: node.lineno, col_offset: node.col_offset, end_lineno: node.end_lineno, end_col_offset: node.end_col_offset };
}

export interface BuilderResult {
  top: Scope;
  scopes: Map<AstNode, Scope>;
  /** Every Name node (and the other name-carrying nodes) with the block it occurs in. */
  nameScopes: Map<AstNode, Scope>;
}

export class SymtableBuilder {
  private readonly stack: Scope[] = [];
  private current!: Scope;
  private top!: Scope;
  /** The enclosing class name while inside a class body (and the functions in it), for mangling. */
  private privateName: string | null = null;
  private readonly scopes = new Map<AstNode, Scope>();
  private readonly nameScopes = new Map<AstNode, Scope>();
  /** Statements and expressions being visited, innermost last (CPython's st->recursion_depth). */
  private depth = 0;

  constructor(private readonly future: FutureFeatures) {}

  build(tree: Module): BuilderResult {
    this.top = this.enterBlock('top', 'module', tree, { lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 });
    for (const statement of tree.body) this.visitStatement(statement);
    this.exitBlock();
    return { top: this.top, scopes: this.scopes, nameScopes: this.nameScopes };
  }

  // ---- blocks -------------------------------------------------------------------------------

  private enterBlock(name: string, type: BlockType, node: AstNode, range: SourceRange): Scope {
    const previous = this.stack.length ? this.current : null;
    const scope = new Scope(type, name, node, range, previous);
    // bpo-37757: every walrus inside the outermost iterable of a comprehension is rejected, even
    // one nested in a lambda or another comprehension there, so the depth is inherited.
    if (previous) scope.comprehensionIterDepth = previous.comprehensionIterDepth;
    this.stack.push(scope);
    this.current = scope;
    if (type !== 'annotation') {
      this.scopes.set(node, scope);
      previous?.children.push(scope);
    }
    return scope;
  }

  private exitBlock(): void {
    this.stack.pop();
    if (this.stack.length) this.current = this.stack[this.stack.length - 1];
  }

  // ---- definitions ----------------------------------------------------------------------------

  private addDef(name: string, flag: number, site: AstNode & Located, scope: Scope = this.current): void {
    const mangled = mangle(this.privateName, name);
    let symbol = scope.symbols.get(mangled);
    let flags = flag;
    if (symbol) {
      if (flag & DEF_PARAM && symbol.flags & DEF_PARAM) {
        throw syntaxErrorAt(`duplicate argument '${name}' in function definition`, rangeOf(site));
      }
      flags |= symbol.flags;
    }
    if (scope.visitingComprehensionTarget) {
      if (flags & (DEF_GLOBAL | DEF_NONLOCAL)) {
        throw syntaxErrorAt(`comprehension inner loop cannot rebind assignment expression target '${name}'`, rangeOf(site));
      }
      flags |= DEF_COMP_ITER;
    }
    if (!symbol) {
      symbol = scope.createSymbol(mangled);
    }
    symbol.flags = flags;
    if (flag & (DEF_PARAM | DEF_LOCAL | DEF_IMPORT)) symbol.bindings.push(site);
    if (flag & USE) symbol.references.push(site);
    if (flag & DEF_PARAM) scope.parameterNames.push(mangled);
    else if (flag & DEF_GLOBAL && scope !== this.top) {
      // A `global` anywhere marks the module's own symbol too (CPython updates st_global).
      const moduleSymbol = this.top.symbols.get(mangled) ?? this.top.createSymbol(mangled);
      moduleSymbol.flags |= flag;
    }
  }

  private recordDirective(name: string, range: SourceRange): void {
    const mangled = mangle(this.privateName, name);
    const list = this.current.directives.get(mangled);
    if (list) list.push(range);
    else this.current.directives.set(mangled, [range]);
  }

  // ---- statements -----------------------------------------------------------------------------

  private visitStatements(statements: AstStmt[]): void {
    for (const statement of statements) this.visitStatement(statement);
  }

  private visitStatement(s: AstStmt): void {
    if (++this.depth > COMPILATION_NESTING_LIMIT) throw new CompilationRecursionError();
    this.visitStatementHere(s);
    this.depth--;
  }

  private visitStatementHere(s: AstStmt): void {
    switch (s.nodeType) {
      case 'FunctionDef':
      case 'AsyncFunctionDef': {
        this.addDef(s.name, DEF_LOCAL, s);
        this.nameScopes.set(s, this.current);
        this.visitExpressions(s.args.defaults);
        this.visitOptionalExpressions(s.args.kw_defaults);
        this.visitAnnotations(s, s.args, s.returns);
        this.visitExpressions(s.decorator_list);
        const scope = this.enterBlock(s.name, 'function', s, rangeOf(s));
        if (s.nodeType === 'AsyncFunctionDef') scope.coroutine = true;
        this.visitArguments(s.args);
        this.visitStatements(s.body);
        this.exitBlock();
        break;
      }
      case 'ClassDef': {
        this.addDef(s.name, DEF_LOCAL, s);
        this.nameScopes.set(s, this.current);
        this.visitExpressions(s.bases);
        for (const keyword of s.keywords) this.visitExpression(keyword.value);
        this.visitExpressions(s.decorator_list);
        this.enterBlock(s.name, 'class', s, rangeOf(s));
        const outerPrivate = this.privateName;
        this.privateName = s.name;
        this.visitStatements(s.body);
        this.privateName = outerPrivate;
        this.exitBlock();
        break;
      }
      case 'Return':
        if (s.value) {
          this.visitExpression(s.value);
          this.current.returnsValue = true;
        }
        break;
      case 'Delete':
        this.visitExpressions(s.targets);
        break;
      case 'Assign':
        this.visitExpressions(s.targets);
        this.visitExpression(s.value);
        break;
      case 'AnnAssign': {
        if (s.target.nodeType === 'Name') {
          const target = s.target;
          const current = this.current.flagsOf(mangle(this.privateName, target.id));
          if (current & (DEF_GLOBAL | DEF_NONLOCAL) && this.current !== this.top && s.simple) {
            const kind = current & DEF_GLOBAL ? 'global' : 'nonlocal';
            throw syntaxErrorAt(`annotated name '${target.id}' can't be ${kind}`, rangeOf(s));
          }
          this.nameScopes.set(target, this.current);
          if (s.simple) this.addDef(target.id, DEF_ANNOT | DEF_LOCAL, target);
          else if (s.value) this.addDef(target.id, DEF_LOCAL, target);
        } else {
          this.visitExpression(s.target);
        }
        this.visitAnnotation(s.annotation);
        if (s.value) this.visitExpression(s.value);
        break;
      }
      case 'AugAssign':
        this.visitExpression(s.target);
        this.visitExpression(s.value);
        break;
      case 'For':
      case 'AsyncFor':
        this.visitExpression(s.target);
        this.visitExpression(s.iter);
        this.visitStatements(s.body);
        this.visitStatements(s.orelse);
        break;
      case 'While':
      case 'If':
        this.visitExpression(s.test);
        this.visitStatements(s.body);
        this.visitStatements(s.orelse);
        break;
      case 'Match':
        this.visitExpression(s.subject);
        for (const matchCase of s.cases) {
          this.visitPattern(matchCase.pattern);
          if (matchCase.guard) this.visitExpression(matchCase.guard);
          this.visitStatements(matchCase.body);
        }
        break;
      case 'Raise':
        if (s.exc) {
          this.visitExpression(s.exc);
          if (s.cause) this.visitExpression(s.cause);
        }
        break;
      case 'Try':
      case 'TryStar':
        this.visitStatements(s.body);
        this.visitStatements(s.orelse);
        for (const handler of s.handlers) this.visitExceptHandler(handler);
        this.visitStatements(s.finalbody);
        break;
      case 'Assert':
        this.visitExpression(s.test);
        if (s.msg) this.visitExpression(s.msg);
        break;
      case 'Import':
      case 'ImportFrom':
        for (const alias of s.names) this.visitAlias(alias);
        break;
      case 'Global':
      case 'Nonlocal':
        this.visitDeclaration(s.nodeType === 'Global', s.names, s);
        break;
      case 'Expr':
        this.visitExpression(s.value);
        break;
      case 'Pass':
      case 'Break':
      case 'Continue':
        break;
      case 'With':
      case 'AsyncWith':
        for (const item of s.items) {
          this.visitExpression(item.context_expr);
          if (item.optional_vars) this.visitExpression(item.optional_vars);
        }
        this.visitStatements(s.body);
        break;
    }
  }

  private visitDeclaration(isGlobal: boolean, names: string[], s: AstStmt): void {
    const kind = isGlobal ? 'global' : 'nonlocal';
    for (const name of names) {
      const current = this.current.flagsOf(mangle(this.privateName, name));
      if (current & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
        let msg: string;
        if (current & DEF_PARAM) msg = `name '${name}' is parameter and ${kind}`;
        else if (current & USE) msg = `name '${name}' is used prior to ${kind} declaration`;
        else if (current & DEF_ANNOT) msg = `annotated name '${name}' can't be ${kind}`;
        else msg = `name '${name}' is assigned to before ${kind} declaration`;
        throw syntaxErrorAt(msg, rangeOf(s));
      }
      this.addDef(name, isGlobal ? DEF_GLOBAL : DEF_NONLOCAL, s);
      this.current.symbols.get(mangle(this.privateName, name))!.declarations.push(s);
      this.recordDirective(name, rangeOf(s));
    }
  }

  private visitExceptHandler(handler: ExceptHandler): void {
    if (handler.type) this.visitExpression(handler.type);
    if (handler.name !== null) {
      this.addDef(handler.name, DEF_LOCAL, handler);
      this.nameScopes.set(handler, this.current);
    }
    this.visitStatements(handler.body);
  }

  private visitAlias(alias: Alias): void {
    const name = alias.asname ?? alias.name;
    if (name === '*') {
      if (this.current.type !== 'module') throw syntaxErrorAt('import * only allowed at module level', rangeOf(alias));
      return;
    }
    const dot = name.indexOf('.');
    this.addDef(dot === -1 ? name : name.slice(0, dot), DEF_IMPORT, alias);
    this.nameScopes.set(alias, this.current);
  }

  private visitPattern(p: AstPattern): void {
    if (++this.depth > COMPILATION_NESTING_LIMIT) throw new CompilationRecursionError();
    this.visitPatternHere(p);
    this.depth--;
  }

  private visitPatternHere(p: AstPattern): void {
    switch (p.nodeType) {
      case 'MatchValue':
        this.visitExpression(p.value);
        break;
      case 'MatchSingleton':
        break;
      case 'MatchSequence':
        for (const sub of p.patterns) this.visitPattern(sub);
        break;
      case 'MatchStar':
        if (p.name !== null) this.bindPatternName(p.name, p);
        break;
      case 'MatchMapping':
        this.visitExpressions(p.keys);
        for (const sub of p.patterns) this.visitPattern(sub);
        if (p.rest !== null) this.bindPatternName(p.rest, p);
        break;
      case 'MatchClass':
        this.visitExpression(p.cls);
        for (const sub of p.patterns) this.visitPattern(sub);
        for (const sub of p.kwd_patterns) this.visitPattern(sub);
        break;
      case 'MatchAs':
        if (p.pattern) this.visitPattern(p.pattern);
        if (p.name !== null) this.bindPatternName(p.name, p);
        break;
      case 'MatchOr':
        for (const sub of p.patterns) this.visitPattern(sub);
        break;
    }
  }

  private bindPatternName(name: string, p: AstPattern): void {
    this.addDef(name, DEF_LOCAL, p);
    this.nameScopes.set(p, this.current);
  }

  // ---- functions: parameters and annotations ------------------------------------------------

  private visitArguments(a: Arguments): void {
    for (const arg of a.posonlyargs) this.addParameter(arg);
    for (const arg of a.args) this.addParameter(arg);
    for (const arg of a.kwonlyargs) this.addParameter(arg);
    if (a.vararg) {
      this.addParameter(a.vararg);
      this.current.hasVarargs = true;
    }
    if (a.kwarg) {
      this.addParameter(a.kwarg);
      this.current.hasVarkeywords = true;
    }
  }

  private addParameter(arg: Arg): void {
    this.addDef(arg.arg, DEF_PARAM, arg);
    this.nameScopes.set(arg, this.current);
  }

  /**
   * Parameter and return annotations are evaluated where the def is. Under
   * `from __future__ import annotations` they are never evaluated, so CPython analyses them in
   * a throwaway block (which still rejects yield, await and walrus there).
   */
  private visitAnnotations(def: AstStmt, a: Arguments, returns: AstExpr | null): void {
    const deferred = this.future.annotations;
    if (deferred) this.enterBlock('_annotation', 'annotation', def, rangeOf(def));
    const argumentLists = [a.posonlyargs, a.args];
    for (const list of argumentLists) for (const arg of list) if (arg.annotation) this.visitExpression(arg.annotation);
    if (a.vararg?.annotation) this.visitExpression(a.vararg.annotation);
    if (a.kwarg?.annotation) this.visitExpression(a.kwarg.annotation);
    for (const arg of a.kwonlyargs) if (arg.annotation) this.visitExpression(arg.annotation);
    if (deferred) this.exitBlock();
    if (returns) this.visitAnnotation(returns);
  }

  private visitAnnotation(annotation: AstExpr): void {
    const deferred = this.future.annotations;
    if (deferred) this.enterBlock('_annotation', 'annotation', annotation, rangeOf(annotation));
    this.visitExpression(annotation);
    if (deferred) this.exitBlock();
  }

  private rejectInAnnotation(what: string, e: AstExpr): void {
    if (this.current.type === 'annotation') {
      throw syntaxErrorAt(`'${what}' can not be used within an annotation`, rangeOf(e));
    }
  }

  // ---- expressions ----------------------------------------------------------------------------

  private visitExpressions(expressions: AstExpr[]): void {
    for (const e of expressions) this.visitExpression(e);
  }

  /** kw_defaults and Dict.keys hold nulls where there is nothing to visit. */
  private visitOptionalExpressions(expressions: (AstExpr | null)[]): void {
    for (const e of expressions) if (e) this.visitExpression(e);
  }

  private visitExpression(e: AstExpr): void {
    if (++this.depth > COMPILATION_NESTING_LIMIT) throw new CompilationRecursionError();
    this.visitExpressionHere(e);
    this.depth--;
  }

  private visitExpressionHere(e: AstExpr): void {
    switch (e.nodeType) {
      case 'NamedExpr':
        this.rejectInAnnotation('named expression', e);
        this.visitNamedExpression(e);
        break;
      case 'BoolOp':
        this.visitExpressions(e.values);
        break;
      case 'BinOp':
        this.visitExpression(e.left);
        this.visitExpression(e.right);
        break;
      case 'UnaryOp':
        this.visitExpression(e.operand);
        break;
      case 'Lambda':
        this.visitExpressions(e.args.defaults);
        this.visitOptionalExpressions(e.args.kw_defaults);
        this.enterBlock('lambda', 'function', e, rangeOf(e));
        this.visitArguments(e.args);
        this.visitExpression(e.body);
        this.exitBlock();
        break;
      case 'IfExp':
        this.visitExpression(e.test);
        this.visitExpression(e.body);
        this.visitExpression(e.orelse);
        break;
      case 'Dict':
        this.visitOptionalExpressions(e.keys as (AstExpr | null)[]);
        this.visitExpressions(e.values);
        break;
      case 'Set':
        this.visitExpressions(e.elts);
        break;
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
        this.visitComprehension(e, e.elt, null);
        break;
      case 'DictComp':
        this.visitComprehension(e, e.key, e.value);
        break;
      case 'Yield':
      case 'YieldFrom':
        this.rejectInAnnotation('yield expression', e);
        if (e.value) this.visitExpression(e.value);
        this.current.generator = true;
        if (this.current.comprehension) throw syntaxErrorAt(YIELD_IN_COMPREHENSION[this.current.comprehension], rangeOf(e));
        break;
      case 'Await':
        this.rejectInAnnotation('await expression', e);
        this.visitExpression(e.value);
        this.current.coroutine = true;
        break;
      case 'Compare':
        this.visitExpression(e.left);
        this.visitExpressions(e.comparators);
        break;
      case 'Call':
        this.visitExpression(e.func);
        this.visitExpressions(e.args);
        for (const keyword of e.keywords) this.visitExpression(keyword.value);
        break;
      case 'FormattedValue':
        this.visitExpression(e.value);
        if (e.format_spec) this.visitExpression(e.format_spec);
        break;
      case 'JoinedStr':
        this.visitExpressions(e.values);
        break;
      case 'Constant':
        break;
      case 'Attribute':
        this.visitExpression(e.value);
        break;
      case 'Subscript':
        this.visitExpression(e.value);
        this.visitExpression(e.slice);
        break;
      case 'Starred':
        this.visitExpression(e.value);
        break;
      case 'Slice':
        if (e.lower) this.visitExpression(e.lower);
        if (e.upper) this.visitExpression(e.upper);
        if (e.step) this.visitExpression(e.step);
        break;
      case 'Name':
        this.visitName(e);
        break;
      case 'List':
      case 'Tuple':
        this.visitExpressions(e.elts);
        break;
    }
  }

  private visitName(e: Name): void {
    const isLoad = e.ctx.nodeType === 'Load';
    this.nameScopes.set(e, this.current);
    this.addDef(e.id, isLoad ? USE : DEF_LOCAL, e);
    // Zero-argument super() finds the class through the `__class__` cell, so naming `super` in a
    // function counts as a use of `__class__`.
    if (isLoad && this.current.type === 'function' && e.id === 'super') this.addDef('__class__', USE, e);
  }

  private visitNamedExpression(e: Extract<AstExpr, { nodeType: 'NamedExpr' }>): void {
    if (this.current.comprehensionIterDepth > 0) {
      throw syntaxErrorAt('assignment expression cannot be used in a comprehension iterable expression', rangeOf(e));
    }
    if (this.current.comprehension) this.extendNamedExpressionScope(e.target as Name);
    this.visitExpression(e.value);
    this.visitExpression(e.target);
  }

  /**
   * A walrus inside a comprehension binds in the nearest enclosing function or module (PEP 572):
   * the comprehension declares it nonlocal (or global) and the target block gets the binding.
   */
  private extendNamedExpressionScope(target: Name): void {
    const name = target.id;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const scope = this.stack[i];
      if (scope.comprehension) {
        if (scope.flagsOf(name) & DEF_COMP_ITER) {
          throw syntaxErrorAt(`assignment expression cannot rebind comprehension iteration variable '${name}'`, rangeOf(target));
        }
        continue;
      }
      if (scope.type === 'function') {
        this.addDef(name, scope.flagsOf(name) & DEF_GLOBAL ? DEF_GLOBAL : DEF_NONLOCAL, target);
        this.recordDirective(name, rangeOf(target));
        this.addDef(name, DEF_LOCAL, target, scope);
        return;
      }
      if (scope.type === 'module') {
        this.addDef(name, DEF_GLOBAL, target);
        this.recordDirective(name, rangeOf(target));
        this.addDef(name, DEF_GLOBAL, target, scope);
        return;
      }
      if (scope.type === 'class') {
        throw syntaxErrorAt('assignment expression within a comprehension cannot be used in a class body', rangeOf(target));
      }
    }
  }

  private visitComprehension(e: ComprehensionNode, elt: AstExpr, value: AstExpr | null): void {
    const outermost = e.generators[0];
    // The first iterable is evaluated in the enclosing block and passed in as `.0`.
    this.current.comprehensionIterDepth++;
    this.visitExpression(outermost.iter);
    this.current.comprehensionIterDepth--;
    const scope = this.enterBlock(COMPREHENSION_NAMES[e.nodeType], 'function', e, rangeOf(e));
    scope.comprehension = COMPREHENSION_KINDS[e.nodeType];
    if (outermost.is_async) scope.coroutine = true;
    this.addDef('.0', DEF_PARAM, e);
    scope.visitingComprehensionTarget = true;
    this.visitExpression(outermost.target);
    scope.visitingComprehensionTarget = false;
    this.visitExpressions(outermost.ifs);
    for (let i = 1; i < e.generators.length; i++) {
      const generator = e.generators[i];
      scope.visitingComprehensionTarget = true;
      this.visitExpression(generator.target);
      scope.visitingComprehensionTarget = false;
      scope.comprehensionIterDepth++;
      this.visitExpression(generator.iter);
      scope.comprehensionIterDepth--;
      this.visitExpressions(generator.ifs);
      if (generator.is_async) scope.coroutine = true;
    }
    if (value) this.visitExpression(value);
    this.visitExpression(elt);
    scope.generator = e.nodeType === 'GeneratorExp';
    const isAsync = scope.coroutine && !scope.generator;
    this.exitBlock();
    // An async list/set/dict comprehension is awaited where it stands, which makes the
    // enclosing block a coroutine user too (3.11 allows them inside other comprehensions).
    if (isAsync) this.current.coroutine = true;
  }
}
