// The SyntaxErrors CPython 3.11's compiler (Python/compile.c) raises while generating code,
// after the parser and the symbol table have accepted the program: 'return' / 'yield' /
// 'await' in the wrong place, break and continue outside loops, misplaced starred
// expressions, assignments to __debug__, repeated keyword arguments, late future imports,
// and the pattern-matching checks (unreachable cases, duplicate captures, ...).
//
// `checkCompileErrors` reports the FIRST such error, so it walks the tree in codegen order
// rather than source order: an assignment's value before its targets, a class body before its
// bases, a comprehension's body before its outermost iterable, a try's else before its
// handlers, and each `finally` body again wherever a return/break/continue unwinds through it.
// It also reproduces where CPython points: the compiler reports the location of whatever it
// was compiling last (an expression restores the location when done, a statement or pattern
// does not, unwinding through a `with` or `finally` blanks it to -1), with UTF-8 byte columns.
// The compiler proper can call this before generating code, so its own codegen may assume a
// program free of these errors.

import type {
  Arguments,
  AstExpr,
  AstPattern,
  AstStmt,
  Comprehension,
  Keyword,
  Module,
  Try,
  TryStar,
  With,
  AsyncWith,
  Located,
} from '../syntax/ast';
import { BytesValue, ComplexValue, reprConstant, type ConstantValue } from '../syntax/constants';
import { reprStr } from '../text/repr';
import { attachSourceText, syntaxErrorAt } from '../symtable/errors';
import { isDocstring } from '../symtable/future';
import type { Scope } from '../symtable/scope';
import type { SymbolTable } from '../symtable/symtable';

/** CPython's CO_MAXBLOCKS: how deep loops, try and with blocks may nest in one code object. */
const MAX_NESTED_BLOCKS = 20;

type BlockKind =
  | 'whileLoop'
  | 'forLoop'
  | 'tryExcept'
  | 'finallyTry'
  | 'finallyEnd'
  | 'with'
  | 'asyncWith'
  | 'handlerCleanup'
  | 'popValue'
  | 'exceptionHandler'
  | 'exceptionGroupHandler'
  | 'asyncComprehensionGenerator';

interface FrameBlock {
  kind: BlockKind;
  /** finallyTry: the body that runs on the way out. */
  finalbody?: AstStmt[];
  /** with / asyncWith: the statement, whose location the exit call takes. */
  statement?: AstStmt;
}

type UnitKind = 'module' | 'class' | 'function' | 'asyncFunction' | 'lambda' | 'comprehension';

interface Location {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

interface CompilationUnit {
  kind: UnitKind;
  scope: Scope;
  blocks: FrameBlock[];
  /** The location the compiler would stamp on the next instruction (and on an error). */
  location: Location;
}

interface PatternContext {
  stores: string[];
  allowIrrefutable: boolean;
}

const UNSET_LOCATION: Location = { lineno: -1, col_offset: -1, end_lineno: -1, end_col_offset: -1 };

function locationOf(node: Located): Location {
  return { lineno: node.lineno, col_offset: node.col_offset, end_lineno: node.end_lineno, end_col_offset: node.end_col_offset };
}

function isWildcard(p: AstPattern): boolean {
  return p.nodeType === 'MatchAs' && p.name === null;
}

function isStarWildcard(p: AstPattern): boolean {
  return p.nodeType === 'MatchStar' && p.name === null;
}

// ---- the AST optimizer's constant folding, as far as these checks can observe it -------------

function isNumber(value: ConstantValue): boolean {
  return typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean' || value instanceof ComplexValue;
}

/**
 * The value an expression folds to before codegen (CPython runs _PyAST_Optimize first), or
 * undefined. Covers what patterns and `return` can observe: literals, signed numbers, complex
 * literals (`1+2j`), and tuples of constants.
 */
function foldConstant(e: AstExpr): { value: ConstantValue } | undefined {
  switch (e.nodeType) {
    case 'Constant':
      return { value: e.value };
    case 'UnaryOp': {
      const operand = foldConstant(e.operand);
      if (!operand) return undefined;
      const v = operand.value;
      if (e.op.nodeType === 'Not') return { value: null }; // folded; its value is never reported
      if (!isNumber(v)) return undefined;
      if (e.op.nodeType === 'USub') {
        if (typeof v === 'number') return { value: -v };
        if (typeof v === 'bigint') return { value: -v };
        if (typeof v === 'boolean') return { value: -BigInt(v) };
        if (v instanceof ComplexValue) return { value: new ComplexValue(-v.real, -v.imag) };
      }
      if (e.op.nodeType === 'UAdd') return { value: typeof v === 'boolean' ? BigInt(v) : v };
      if (e.op.nodeType === 'Invert' && (typeof v === 'bigint' || typeof v === 'boolean')) return { value: ~BigInt(v) };
      return undefined;
    }
    case 'BinOp': {
      const left = foldConstant(e.left);
      const right = foldConstant(e.right);
      if (!left || !right || !isNumber(left.value) || !isNumber(right.value)) return undefined;
      const op = e.op.nodeType;
      if (op !== 'Add' && op !== 'Sub') return undefined;
      const [lr, li] = complexParts(left.value);
      const [rr, ri] = complexParts(right.value);
      if (left.value instanceof ComplexValue || right.value instanceof ComplexValue) {
        return { value: op === 'Add' ? new ComplexValue(lr + rr, li + ri) : new ComplexValue(lr - rr, li - ri) };
      }
      if (typeof left.value === 'number' || typeof right.value === 'number') return { value: op === 'Add' ? lr + rr : lr - rr };
      const a = BigInt(left.value as bigint | boolean);
      const b = BigInt(right.value as bigint | boolean);
      return { value: op === 'Add' ? a + b : a - b };
    }
    case 'Tuple': {
      if (e.ctx.nodeType !== 'Load') return undefined;
      for (const element of e.elts) if (!foldConstant(element)) return undefined;
      return { value: null };
    }
    default:
      return undefined;
  }
}

function complexParts(value: ConstantValue): [number, number] {
  if (value instanceof ComplexValue) return [value.real, value.imag];
  return [Number(value as number | bigint | boolean), 0];
}

/** Python's `==` between pattern keys as a set sees them: 1 == 1.0 == True, -0.0 == 0, b'x' != 'x'. */
function constantKeysEqual(a: ConstantValue, b: ConstantValue): boolean {
  if (isNumber(a) && isNumber(b)) {
    const [ar, ai] = complexParts(a);
    const [br, bi] = complexParts(b);
    if (typeof a === 'bigint' && typeof b === 'bigint') return a === b;
    return ar === br && ai === bi;
  }
  if (a instanceof BytesValue && b instanceof BytesValue) {
    return a.bytes.length === b.bytes.length && a.bytes.every((byte, i) => byte === b.bytes[i]);
  }
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  return a === b;
}

class CompileOrderChecker {
  private unit!: CompilationUnit;

  constructor(private readonly table: SymbolTable) {}

  private get location(): Location {
    return this.unit.location;
  }
  private set location(location: Location) {
    this.unit.location = location;
  }

  private error(msg: string): never {
    throw syntaxErrorAt(msg, this.location);
  }

  checkModule(tree: Module): void {
    this.unit = { kind: 'module', scope: this.table.top, blocks: [], location: { lineno: 1, col_offset: 0, end_lineno: 1, end_col_offset: 0 } };
    this.compileBody(tree.body);
  }

  // ---- units ------------------------------------------------------------------------------------

  private inUnit(kind: UnitKind, node: AstStmt | AstExpr, firstLine: number, run: () => void): void {
    const scope = this.table.scopeFor(node);
    if (!scope) throw new Error(`checkCompileErrors: no scope for ${node.nodeType} at line ${node.lineno}`);
    const outer = this.unit;
    this.unit = { kind, scope, blocks: [], location: { lineno: firstLine, col_offset: 0, end_lineno: firstLine, end_col_offset: 0 } };
    try {
      run();
    } finally {
      this.unit = outer;
    }
  }

  /** Module and class bodies: the docstring is evaluated and stored like any expression. */
  private compileBody(statements: AstStmt[]): void {
    if (this.unit.kind === 'module' && statements.length) this.location = locationOf(statements[0]);
    for (const statement of statements) this.visitStatement(statement);
  }

  private pushBlock(block: FrameBlock): void {
    if (this.unit.blocks.length >= MAX_NESTED_BLOCKS) this.error('too many statically nested blocks');
    this.unit.blocks.push(block);
  }

  private popBlock(): void {
    this.unit.blocks.pop();
  }

  // ---- statements -------------------------------------------------------------------------------

  private visitStatements(statements: AstStmt[]): void {
    for (const statement of statements) this.visitStatement(statement);
  }

  private visitStatement(s: AstStmt): void {
    this.location = locationOf(s);
    switch (s.nodeType) {
      case 'FunctionDef':
      case 'AsyncFunctionDef': {
        this.checkDebugArguments(s.args);
        this.visitExpressions(s.decorator_list);
        this.visitDefaults(s.args);
        this.visitParameterAnnotations(s.args, s.returns);
        const firstLine = s.decorator_list.length ? s.decorator_list[0].lineno : s.lineno;
        this.inUnit(s.nodeType === 'AsyncFunctionDef' ? 'asyncFunction' : 'function', s, firstLine, () => {
          this.visitStatements(isDocstring(s.body[0]) ? s.body.slice(1) : s.body);
        });
        this.nameOperation(s.name, 'Store');
        break;
      }
      case 'ClassDef': {
        this.visitExpressions(s.decorator_list);
        const firstLine = s.decorator_list.length ? s.decorator_list[0].lineno : s.lineno;
        this.inUnit('class', s, firstLine, () => this.compileBody(s.body));
        this.visitCallArguments(s.bases, s.keywords);
        this.nameOperation(s.name, 'Store');
        break;
      }
      case 'Return':
        this.visitReturn(s);
        break;
      case 'Delete':
        this.visitExpressions(s.targets);
        break;
      case 'Assign':
        this.visitExpression(s.value);
        this.visitExpressions(s.targets);
        break;
      case 'AugAssign':
        this.visitAugmentedAssignment(s);
        break;
      case 'AnnAssign':
        this.visitAnnotatedAssignment(s);
        break;
      case 'For':
      case 'AsyncFor':
        if (s.nodeType === 'AsyncFor' && this.unit.kind !== 'asyncFunction') this.error("'async for' outside async function");
        this.pushBlock({ kind: 'forLoop' });
        this.visitExpression(s.iter);
        this.visitExpression(s.target);
        this.visitStatements(s.body);
        this.popBlock();
        this.visitStatements(s.orelse);
        break;
      case 'While':
        this.pushBlock({ kind: 'whileLoop' });
        this.visitExpression(s.test);
        this.visitStatements(s.body);
        this.popBlock();
        this.visitStatements(s.orelse);
        break;
      case 'If':
        this.visitExpression(s.test);
        this.visitStatements(s.body);
        this.visitStatements(s.orelse);
        break;
      case 'With':
      case 'AsyncWith':
        this.visitWith(s, 0);
        break;
      case 'Match':
        this.visitMatch(s);
        break;
      case 'Raise':
        if (s.exc) {
          this.visitExpression(s.exc);
          if (s.cause) this.visitExpression(s.cause);
        }
        break;
      case 'Try':
      case 'TryStar':
        if (s.finalbody.length) this.visitTryFinally(s);
        else this.visitTryExcept(s);
        break;
      case 'Assert':
        this.visitExpression(s.test);
        if (s.msg) this.visitExpression(s.msg);
        break;
      case 'Import':
        for (const alias of s.names) {
          const stored = alias.asname ?? alias.name.split('.')[0];
          this.nameOperation(stored, 'Store');
        }
        break;
      case 'ImportFrom':
        if (s.lineno > this.table.future.lineno && s.module === '__future__') {
          this.error('from __future__ imports must occur at the beginning of the file');
        }
        for (const alias of s.names) if (alias.name !== '*') this.nameOperation(alias.asname ?? alias.name, 'Store');
        break;
      case 'Global':
      case 'Nonlocal':
      case 'Pass':
        break;
      case 'Break':
      case 'Continue':
        this.visitLoopExit(s.nodeType);
        break;
      case 'Expr':
        if (s.value.nodeType !== 'Constant') this.visitExpression(s.value);
        break;
    }
  }

  private visitReturn(s: Extract<AstStmt, { nodeType: 'Return' }>): void {
    const value = s.value;
    const preserveValue = value !== null && foldConstant(value) === undefined;
    if (this.unit.scope.type !== 'function') this.error("'return' outside function");
    if (value && this.unit.scope.coroutine && this.unit.scope.generator) this.error("'return' with value in async generator");
    if (preserveValue) this.visitExpression(value!);
    else if (value) this.location = locationOf(value);
    if (!value || value.lineno !== s.lineno) this.location = locationOf(s);
    this.unwindBlocks(preserveValue, false);
  }

  private visitLoopExit(kind: 'Break' | 'Continue'): void {
    const saved = this.location;
    if (!this.unwindBlocks(false, true)) {
      this.location = saved;
      this.error(kind === 'Break' ? "'break' outside loop" : "'continue' not properly in loop");
    }
  }

  /**
   * What return/break/continue compile to: leave every enclosing block up to the loop (or all
   * of them), running `finally` bodies on the way. Returns whether a loop was reached.
   */
  private unwindBlocks(preserveValue: boolean, stopAtLoop: boolean): boolean {
    const blocks = this.unit.blocks;
    if (!blocks.length) return false;
    const top = blocks[blocks.length - 1];
    if (top.kind === 'exceptionGroupHandler') this.error("'break', 'continue' and 'return' cannot appear in an except* block");
    if (stopAtLoop && (top.kind === 'whileLoop' || top.kind === 'forLoop')) return true;
    blocks.pop();
    try {
      this.unwindBlock(top, preserveValue);
      return this.unwindBlocks(preserveValue, stopAtLoop);
    } finally {
      blocks.push(top);
    }
  }

  private unwindBlock(block: FrameBlock, preserveValue: boolean): void {
    if (block.kind === 'finallyTry') {
      if (preserveValue) this.pushBlock({ kind: 'popValue' });
      this.visitStatements(block.finalbody!);
      if (preserveValue) this.popBlock();
      this.location = UNSET_LOCATION;
    } else if (block.kind === 'with' || block.kind === 'asyncWith') {
      this.location = UNSET_LOCATION;
    }
  }

  private visitWith(s: With | AsyncWith, index: number): void {
    if (s.nodeType === 'AsyncWith' && this.unit.kind !== 'asyncFunction') this.error("'async with' outside async function");
    const item = s.items[index];
    this.visitExpression(item.context_expr);
    this.pushBlock({ kind: s.nodeType === 'AsyncWith' ? 'asyncWith' : 'with', statement: s });
    if (item.optional_vars) this.visitExpression(item.optional_vars);
    if (index + 1 === s.items.length) this.visitStatements(s.body);
    else this.visitWith(s, index + 1);
    this.popBlock();
  }

  private visitTryFinally(s: Try | TryStar): void {
    this.pushBlock({ kind: 'finallyTry', finalbody: s.finalbody });
    if (s.handlers.length) this.visitTryExcept(s);
    else this.visitStatements(s.body);
    this.popBlock();
    this.visitStatements(s.finalbody);
    // The exceptional path compiles the finally body a second time, one block deeper.
    this.location = UNSET_LOCATION;
    this.pushBlock({ kind: 'finallyEnd' });
    this.visitStatements(s.finalbody);
    this.popBlock();
  }

  private visitTryExcept(s: Try | TryStar): void {
    this.pushBlock({ kind: 'tryExcept' });
    this.visitStatements(s.body);
    this.popBlock();
    this.visitStatements(s.orelse);
    this.location = UNSET_LOCATION;
    const groups = s.nodeType === 'TryStar';
    this.pushBlock({ kind: groups ? 'exceptionGroupHandler' : 'exceptionHandler' });
    s.handlers.forEach((handler, i) => {
      this.location = locationOf(handler);
      if (!groups && handler.type === null && i < s.handlers.length - 1) this.error("default 'except:' must be last");
      if (handler.type) this.visitExpression(handler.type);
      if (handler.name !== null) this.nameOperation(handler.name, 'Store');
      this.pushBlock({ kind: 'handlerCleanup' });
      this.visitStatements(handler.body);
      this.popBlock();
    });
    this.popBlock();
  }

  private visitAugmentedAssignment(s: Extract<AstStmt, { nodeType: 'AugAssign' }>): void {
    const target = s.target;
    const saved = this.location;
    this.location = locationOf(target);
    if (target.nodeType === 'Attribute') this.visitExpression(target.value);
    else if (target.nodeType === 'Subscript') {
      this.visitExpression(target.value);
      this.visitExpression(target.slice);
    }
    this.location = saved;
    this.visitExpression(s.value);
    this.location = locationOf(target);
    if (target.nodeType === 'Name') this.nameOperation(target.id, 'Store');
  }

  private visitAnnotatedAssignment(s: Extract<AstStmt, { nodeType: 'AnnAssign' }>): void {
    const target = s.target;
    if (s.value) {
      this.visitExpression(s.value);
      this.visitExpression(target);
    }
    const evaluatesAnnotations = !this.table.future.annotations && (this.unit.kind === 'module' || this.unit.kind === 'class');
    if (target.nodeType === 'Name') {
      this.nameOperation(target.id, 'Store');
      if (s.simple && evaluatesAnnotations) this.visitExpression(s.annotation);
    } else if (target.nodeType === 'Attribute') {
      if (target.attr === '__debug__') this.error('cannot assign to __debug__');
      if (!s.value) this.visitExpression(target.value);
    } else if (target.nodeType === 'Subscript') {
      if (!s.value) {
        this.visitExpression(target.value);
        this.visitAnnotatedSubscript(target.slice);
      }
    }
    if (!s.simple && evaluatesAnnotations) this.visitExpression(s.annotation);
  }

  private visitAnnotatedSubscript(e: AstExpr): void {
    if (e.nodeType === 'Slice') {
      if (e.lower) this.visitExpression(e.lower);
      if (e.upper) this.visitExpression(e.upper);
      if (e.step) this.visitExpression(e.step);
    } else if (e.nodeType === 'Tuple') {
      for (const element of e.elts) this.visitAnnotatedSubscript(element);
    } else {
      this.visitExpression(e);
    }
  }

  // ---- functions and calls ------------------------------------------------------------------------

  private checkDebugArguments(a: Arguments): void {
    const all = [...a.posonlyargs, ...a.args, ...(a.vararg ? [a.vararg] : []), ...a.kwonlyargs, ...(a.kwarg ? [a.kwarg] : [])];
    for (const arg of all) if (arg.arg === '__debug__') this.error('cannot assign to __debug__');
  }

  private visitDefaults(a: Arguments): void {
    this.visitExpressions(a.defaults);
    for (const value of a.kw_defaults as (AstExpr | null)[]) if (value) this.visitExpression(value);
  }

  private visitParameterAnnotations(a: Arguments, returns: AstExpr | null): void {
    if (this.table.future.annotations) return;
    const annotations: (AstExpr | null)[] = [
      ...a.args.map((arg) => arg.annotation),
      ...a.posonlyargs.map((arg) => arg.annotation),
      a.vararg?.annotation ?? null,
      ...a.kwonlyargs.map((arg) => arg.annotation),
      a.kwarg?.annotation ?? null,
      returns,
    ];
    for (const annotation of annotations) {
      if (!annotation) continue;
      this.visitExpression(annotation.nodeType === 'Starred' ? annotation.value : annotation);
    }
  }

  private validateKeywords(keywords: Keyword[]): void {
    keywords.forEach((keyword, i) => {
      if (keyword.arg === null) return;
      if (keyword.arg === '__debug__') this.error('cannot assign to __debug__');
      for (let j = i + 1; j < keywords.length; j++) {
        if (keywords[j].arg === keyword.arg) {
          this.location = locationOf(keywords[j]);
          this.error(`keyword argument repeated: ${keyword.arg}`);
        }
      }
    });
  }

  private visitCallArguments(args: AstExpr[], keywords: Keyword[]): void {
    this.validateKeywords(keywords);
    for (const arg of args) this.visitExpression(arg.nodeType === 'Starred' ? arg.value : arg);
    for (const keyword of keywords) this.visitExpression(keyword.value);
  }

  private nameOperation(name: string, context: 'Load' | 'Store' | 'Del'): void {
    if (name !== '__debug__') return;
    if (context === 'Store') this.error('cannot assign to __debug__');
    if (context === 'Del') this.error('cannot delete __debug__');
  }

  // ---- expressions --------------------------------------------------------------------------------

  private visitExpressions(expressions: AstExpr[]): void {
    for (const e of expressions) this.visitExpression(e);
  }

  private visitExpression(e: AstExpr): void {
    const saved = this.location;
    this.location = locationOf(e);
    this.visitExpressionHere(e);
    this.location = saved;
  }

  private visitExpressionHere(e: AstExpr): void {
    switch (e.nodeType) {
      case 'BoolOp':
        this.visitExpressions(e.values);
        break;
      case 'NamedExpr':
        this.visitExpression(e.value);
        this.visitExpression(e.target);
        break;
      case 'BinOp':
        this.visitExpression(e.left);
        this.visitExpression(e.right);
        break;
      case 'UnaryOp':
        this.visitExpression(e.operand);
        break;
      case 'Lambda':
        this.checkDebugArguments(e.args);
        this.visitDefaults(e.args);
        this.inUnit('lambda', e, e.lineno, () => {
          this.location = locationOf(e);
          this.visitExpression(e.body);
        });
        break;
      case 'IfExp':
        this.visitExpression(e.test);
        this.visitExpression(e.body);
        this.visitExpression(e.orelse);
        break;
      case 'Dict':
        e.keys.forEach((key, i) => {
          if (key) this.visitExpression(key);
          this.visitExpression(e.values[i]);
        });
        break;
      case 'Set':
        this.visitElements(e.elts);
        break;
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
        this.visitComprehension(e, e.generators, [e.elt]);
        break;
      case 'DictComp':
        this.visitComprehension(e, e.generators, [e.key, e.value]);
        break;
      case 'Yield':
      case 'YieldFrom':
        if (this.unit.scope.type !== 'function') this.error("'yield' outside function");
        if (e.nodeType === 'YieldFrom' && this.unit.kind === 'asyncFunction') this.error("'yield from' inside async function");
        if (e.value) this.visitExpression(e.value);
        break;
      case 'Await':
        if (this.unit.scope.type !== 'function') this.error("'await' outside function");
        if (this.unit.kind !== 'asyncFunction' && this.unit.kind !== 'comprehension') this.error("'await' outside async function");
        this.visitExpression(e.value);
        break;
      case 'Compare':
        this.visitExpression(e.left);
        this.visitExpressions(e.comparators);
        break;
      case 'Call':
        this.validateKeywords(e.keywords);
        this.visitExpression(e.func);
        this.visitCallArguments(e.args, e.keywords);
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
        this.matchAttributeLocation(e);
        if (e.ctx.nodeType === 'Store' && e.attr === '__debug__') this.error('cannot assign to __debug__');
        break;
      case 'Subscript':
        this.visitExpression(e.value);
        this.visitExpression(e.slice);
        break;
      case 'Starred':
        if (e.ctx.nodeType === 'Store') this.error('starred assignment target must be in a list or tuple');
        this.error("can't use starred expression here");
        break;
      case 'Slice':
        if (e.lower) this.visitExpression(e.lower);
        if (e.upper) this.visitExpression(e.upper);
        if (e.step) this.visitExpression(e.step);
        break;
      case 'Name':
        this.nameOperation(e.id, e.ctx.nodeType);
        break;
      case 'List':
      case 'Tuple':
        if (e.ctx.nodeType === 'Store') this.visitUnpackingTargets(e.elts);
        else if (e.ctx.nodeType === 'Load') this.visitElements(e.elts);
        else this.visitExpressions(e.elts);
        break;
    }
  }

  /** A multi-line `a.\nb` points at the attribute name once the object is evaluated. */
  private matchAttributeLocation(e: Extract<AstExpr, { nodeType: 'Attribute' }>): void {
    const location = this.location;
    if (location.lineno === e.end_lineno) return;
    const length = [...e.attr].length;
    const moved = { ...location, lineno: e.end_lineno };
    if (length <= e.end_col_offset) moved.col_offset = e.end_col_offset - length;
    else {
      moved.col_offset = -1;
      moved.end_col_offset = -1;
    }
    moved.end_lineno = Math.max(moved.lineno, moved.end_lineno);
    if (moved.lineno === moved.end_lineno) moved.end_col_offset = Math.max(moved.col_offset, moved.end_col_offset);
    this.location = moved;
  }

  /** List/tuple/set displays and call arguments: `*x` is unpacked, so visit what it unpacks. */
  private visitElements(elements: AstExpr[]): void {
    for (const element of elements) this.visitExpression(element.nodeType === 'Starred' ? element.value : element);
  }

  private visitUnpackingTargets(elements: AstExpr[]): void {
    let seenStar = false;
    elements.forEach((element, i) => {
      if (element.nodeType !== 'Starred') return;
      if (seenStar) this.error('multiple starred expressions in assignment');
      if (i >= 1 << 8) this.error('too many expressions in star-unpacking assignment');
      seenStar = true;
    });
    this.visitElements(elements);
  }

  private visitComprehension(e: AstExpr, generators: Comprehension[], elements: AstExpr[]): void {
    const enclosingKind = this.unit.kind;
    this.inUnit('comprehension', e, e.lineno, () => {
      this.location = locationOf(e);
      const isAsync = this.unit.scope.coroutine;
      if (isAsync && e.nodeType !== 'GeneratorExp' && enclosingKind !== 'asyncFunction' && enclosingKind !== 'comprehension') {
        this.error('asynchronous comprehension outside of an asynchronous function');
      }
      this.visitGenerators(generators, 0, elements);
    });
    this.visitExpression(generators[0].iter);
  }

  private visitGenerators(generators: Comprehension[], index: number, elements: AstExpr[]): void {
    const generator = generators[index];
    const isAsync = generator.is_async !== 0;
    if (isAsync) this.pushBlock({ kind: 'asyncComprehensionGenerator' });
    if (index > 0) {
      const iter = generator.iter;
      const single = !isAsync && (iter.nodeType === 'List' || iter.nodeType === 'Tuple') && iter.elts.length === 1 ? iter.elts[0] : null;
      // `for y in [f(x)]` binds y without building the list.
      if (single && single.nodeType !== 'Starred') this.visitExpression(single);
      else this.visitExpression(iter);
    }
    this.visitExpression(generator.target);
    this.visitExpressions(generator.ifs);
    if (index + 1 < generators.length) this.visitGenerators(generators, index + 1, elements);
    else this.visitExpressions(elements);
    if (isAsync) this.popBlock();
  }

  // ---- match statements ---------------------------------------------------------------------------

  private visitMatch(s: Extract<AstStmt, { nodeType: 'Match' }>): void {
    this.visitExpression(s.subject);
    const cases = s.cases;
    const hasDefault = cases.length > 1 && isWildcard(cases[cases.length - 1].pattern);
    for (let i = 0; i < cases.length - (hasDefault ? 1 : 0); i++) {
      const matchCase = cases[i];
      this.location = locationOf(matchCase.pattern);
      const context: PatternContext = { stores: [], allowIrrefutable: matchCase.guard !== null || i === cases.length - 1 };
      this.visitPattern(matchCase.pattern, context);
      if (matchCase.guard) this.visitExpression(matchCase.guard);
      this.visitStatements(matchCase.body);
      this.location = locationOf(matchCase.pattern);
    }
    if (hasDefault) {
      const last = cases[cases.length - 1];
      this.location = locationOf(last.pattern);
      if (last.guard) this.visitExpression(last.guard);
      this.visitStatements(last.body);
    }
  }

  private visitSubpattern(p: AstPattern, context: PatternContext): void {
    const allow = context.allowIrrefutable;
    context.allowIrrefutable = true;
    this.visitPattern(p, context);
    context.allowIrrefutable = allow;
  }

  private storePatternName(name: string | null, context: PatternContext): void {
    if (name === null) return;
    this.nameOperation(name, 'Store');
    if (context.stores.includes(name)) this.error(`multiple assignments to name ${reprStr(name)} in pattern`);
    context.stores.push(name);
  }

  private visitPattern(p: AstPattern, context: PatternContext): void {
    this.location = locationOf(p);
    switch (p.nodeType) {
      case 'MatchValue': {
        const value = p.value;
        if (!foldConstant(value) && value.nodeType !== 'Attribute') this.error('patterns may only match literals and attribute lookups');
        this.visitExpression(value);
        break;
      }
      case 'MatchSingleton':
        break;
      case 'MatchSequence':
        this.visitSequencePattern(p.patterns, context);
        break;
      case 'MatchMapping':
        this.visitMappingPattern(p, context);
        break;
      case 'MatchClass':
        this.visitClassPattern(p, context);
        break;
      case 'MatchStar':
        this.storePatternName(p.name, context);
        break;
      case 'MatchAs':
        if (p.pattern === null) {
          if (!context.allowIrrefutable) {
            if (p.name !== null) this.error(`name capture ${reprStr(p.name)} makes remaining patterns unreachable`);
            this.error('wildcard makes remaining patterns unreachable');
          }
          this.storePatternName(p.name, context);
        } else {
          this.visitPattern(p.pattern, context);
          this.storePatternName(p.name, context);
        }
        break;
      case 'MatchOr':
        this.visitOrPattern(p.patterns, context);
        break;
    }
  }

  private visitSequencePattern(patterns: AstPattern[], context: PatternContext): void {
    let star = -1;
    let onlyWildcards = true;
    let starWildcard = false;
    patterns.forEach((pattern, i) => {
      if (pattern.nodeType === 'MatchStar') {
        if (star >= 0) this.error('multiple starred names in sequence pattern');
        starWildcard = isStarWildcard(pattern);
        onlyWildcards &&= starWildcard;
        star = i;
        return;
      }
      onlyWildcards &&= isWildcard(pattern);
    });
    if (onlyWildcards) return;
    patterns.forEach((pattern, i) => {
      // With `*_`, CPython indexes the elements it needs and skips the wildcards entirely.
      if (starWildcard && (isWildcard(pattern) || i === star)) return;
      this.visitSubpattern(pattern, context);
    });
  }

  private visitMappingPattern(p: Extract<AstPattern, { nodeType: 'MatchMapping' }>, context: PatternContext): void {
    if (p.keys.length || p.rest !== null) {
      const seen: ConstantValue[] = [];
      for (const key of p.keys) {
        const folded = foldConstant(key);
        if (folded && key.nodeType !== 'Tuple') {
          if (seen.some((value) => constantKeysEqual(value, folded.value))) {
            this.error(`mapping pattern checks duplicate key (${reprConstant(folded.value)})`);
          }
          seen.push(folded.value);
        } else if (key.nodeType !== 'Attribute') {
          this.error('mapping pattern keys may only match literals and attribute lookups');
        }
        this.visitExpression(key);
      }
      for (const pattern of p.patterns) this.visitSubpattern(pattern, context);
      if (p.rest !== null) this.storePatternName(p.rest, context);
    }
  }

  private visitClassPattern(p: Extract<AstPattern, { nodeType: 'MatchClass' }>, context: PatternContext): void {
    const attributes = p.kwd_attrs;
    if (attributes.length) {
      attributes.forEach((attribute, i) => {
        this.location = locationOf(p.kwd_patterns[i]);
        if (attribute === '__debug__') this.error('cannot assign to __debug__');
        for (let j = i + 1; j < attributes.length; j++) {
          if (attributes[j] === attribute) {
            this.location = locationOf(p.kwd_patterns[j]);
            this.error(`attribute name repeated in class pattern: ${attribute}`);
          }
        }
      });
      this.location = locationOf(p);
    }
    this.visitExpression(p.cls);
    for (const pattern of [...p.patterns, ...p.kwd_patterns]) {
      if (!isWildcard(pattern)) this.visitSubpattern(pattern, context);
    }
  }

  private visitOrPattern(alternatives: AstPattern[], context: PatternContext): void {
    const outerStores = context.stores;
    const outerAllow = context.allowIrrefutable;
    let control: string[] | null = null;
    alternatives.forEach((alternative, i) => {
      this.location = locationOf(alternative);
      context.stores = [];
      context.allowIrrefutable = i === alternatives.length - 1 && outerAllow;
      this.visitPattern(alternative, context);
      if (control === null) control = context.stores;
      else if (control.length !== context.stores.length || control.some((name) => !context.stores.includes(name))) {
        this.error('alternative patterns bind different names');
      }
    });
    context.stores = outerStores;
    context.allowIrrefutable = outerAllow;
    for (const name of control ?? []) {
      if (context.stores.includes(name)) this.error(`multiple assignments to name ${reprStr(name)} in pattern`);
      context.stores.push(name);
    }
  }
}

/**
 * Throws the first SyntaxError CPython's compiler would raise for this module (after the
 * parser and the symbol table have accepted it), or returns if it compiles.
 */
export function checkCompileErrors(tree: Module, table: SymbolTable): void {
  try {
    new CompileOrderChecker(table).checkModule(tree);
  } catch (error) {
    attachSourceText(error, table.source);
    throw error;
  }
}
