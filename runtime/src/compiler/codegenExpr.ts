// Code generation for expressions (compile.c's compiler_visit_expr1 and its helpers): names,
// operators, boolean short-circuits, comparisons chains, calls (LOAD_METHOD / PRECALL / CALL /
// KW_NAMES / CALL_FUNCTION_EX), displays with star-unpacking, f-strings, lambdas,
// comprehensions as nested functions, yield / yield from / await.
// Invariant: every visit saves and restores the current location around the node, as CPython
// does, so the instructions an expression emits carry that expression's own range.

import type * as ast from '../syntax/ast';
import type { AstExpr } from '../syntax/ast';
import type { ConstantValue } from '../syntax/constants';
import { DEF_IMPORT, NameScope } from '../symtable/symtable';
import { ConstTuple } from './codeObject';
import { makeFrozensetConstant } from './frozensetConstant';
import type { CodeConstant } from './codeObject';
import { CompilerState, FBlock, ScopeKind } from './compilerUnit';
import type { Block } from './instructions';
import { JUMP, JUMP_NO_INTERRUPT, NO_LOC, POP_BLOCK, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, SETUP_FINALLY } from './instructions';
import * as op from './opcodes';
import { compileFunctionBody, defaultArguments, makeClosure } from './codegenFunction';
import { syntaxErrorAt } from '../symtable/errors';
import { checkCaller, checkCompare, checkSubscript } from './compileWarnings';

export const STACK_USE_GUIDELINE = 30;

const BINOP: Record<string, number> = {
  Add: op.NB_ADD, Sub: op.NB_SUBTRACT, Mult: op.NB_MULTIPLY, MatMult: op.NB_MATRIX_MULTIPLY,
  Div: op.NB_TRUE_DIVIDE, Mod: op.NB_REMAINDER, Pow: op.NB_POWER, LShift: op.NB_LSHIFT,
  RShift: op.NB_RSHIFT, BitOr: op.NB_OR, BitXor: op.NB_XOR, BitAnd: op.NB_AND, FloorDiv: op.NB_FLOOR_DIVIDE,
};
const INPLACE: Record<string, number> = {
  Add: op.NB_INPLACE_ADD, Sub: op.NB_INPLACE_SUBTRACT, Mult: op.NB_INPLACE_MULTIPLY,
  MatMult: op.NB_INPLACE_MATRIX_MULTIPLY, Div: op.NB_INPLACE_TRUE_DIVIDE, Mod: op.NB_INPLACE_REMAINDER,
  Pow: op.NB_INPLACE_POWER, LShift: op.NB_INPLACE_LSHIFT, RShift: op.NB_INPLACE_RSHIFT,
  BitOr: op.NB_INPLACE_OR, BitXor: op.NB_INPLACE_XOR, BitAnd: op.NB_INPLACE_AND,
  FloorDiv: op.NB_INPLACE_FLOOR_DIVIDE,
};

export function binaryOpArg(opName: string, inplace: boolean): number {
  return (inplace ? INPLACE : BINOP)[opName];
}

export function visitExpr(c: CompilerState, e: AstExpr): void {
  const saved = c.u.loc;
  const child = spineChild(c, e);
  if (child !== null && spineChild(c, child) !== null) {
    visitSpine(c, e);
  } else {
    c.setLoc(e);
    visitExpr1(c, e);
  }
  c.u.loc = saved;
}

/**
 * The child whose code comes first in `e`'s code, after at most a fixed prologue, when `e` is one
 * of the shapes that nest as deep as the source is long: `a + b + …`, `-x`, `not x`, `a.b.…`,
 * `a[i][j]…`, `f()()…`, `a.m().m()…`. Null for anything else.
 */
function spineChild(c: CompilerState, e: AstExpr): AstExpr | null {
  switch (e.nodeType) {
    case 'BinOp': return e.left;
    case 'UnaryOp': return e.operand;
    case 'Attribute': return e.value;
    case 'Subscript': return e.value;
    case 'Call': return isOptimizableMethodCall(c, e) ? (e.func as ast.Attribute).value : e.func;
    default: return null;
  }
}

/**
 * A chain of spine nodes (see spineChild), walked in loops instead of one JS frame (or three)
 * per level: every node's prologue top-down, the innermost expression, then every node's rest
 * bottom-up. That is exactly the recursive visit's order, with the same location set before
 * each step, so trees as deep as the symbol table admits (3000 levels) compile on the default
 * JS stack.
 */
function visitSpine(c: CompilerState, top: AstExpr): void {
  const spine: AstExpr[] = [];
  const methodCall: boolean[] = [];
  let node: AstExpr | null = top;
  let bottom: AstExpr = top;
  while (node !== null) {
    const child = spineChild(c, node);
    if (child === null) {
      bottom = node;
      break;
    }
    const isMethod = node.nodeType === 'Call' && child !== node.func;
    spine.push(node);
    methodCall.push(isMethod);
    if (node.nodeType === 'Call' && !isMethod) {
      // compileCall's prologue, before the callee is visited.
      c.setLoc(node.func);
      c.emit(op.PUSH_NULL);
    }
    node = child;
  }
  visitExpr(c, bottom);
  for (let i = spine.length - 1; i >= 0; i--) {
    const e = spine[i];
    c.setLoc(e);
    switch (e.nodeType) {
      case 'BinOp':
        visitExpr(c, e.right);
        c.emit(op.BINARY_OP, binaryOpArg(e.op.nodeType, false));
        break;
      case 'UnaryOp':
        c.emit(unaryOpcode(e.op.nodeType));
        break;
      case 'Attribute':
        attributeTail(c, e);
        break;
      case 'Subscript':
        visitExpr(c, e.slice);
        c.emit(subscriptOpcode(e));
        break;
      case 'Call':
        if (methodCall[i]) methodCallTail(c, e);
        else callHelper(c, 0, e.args, e.keywords);
        break;
    }
  }
}

function unaryOpcode(opName: string): number {
  return opName === 'Invert' ? op.UNARY_INVERT : opName === 'Not' ? op.UNARY_NOT : opName === 'UAdd' ? op.UNARY_POSITIVE : op.UNARY_NEGATIVE;
}

function subscriptOpcode(e: ast.Subscript): number {
  return e.ctx.nodeType === 'Load' ? op.BINARY_SUBSCR : e.ctx.nodeType === 'Store' ? op.STORE_SUBSCR : op.DELETE_SUBSCR;
}

/** An Attribute's code once its value is on the stack. */
function attributeTail(c: CompilerState, e: ast.Attribute): void {
  updateStartLocationToMatchAttr(c, e);
  if (e.ctx.nodeType === 'Load') c.emitName(op.LOAD_ATTR, e.attr);
  else if (e.ctx.nodeType === 'Store') c.emitName(op.STORE_ATTR, e.attr);
  else c.emitName(op.DELETE_ATTR, e.attr);
}

export function visitExprs(c: CompilerState, es: readonly AstExpr[]): void {
  for (const e of es) visitExpr(c, e);
}

function visitExpr1(c: CompilerState, e: AstExpr): void {
  switch (e.nodeType) {
    case 'NamedExpr':
      visitExpr(c, e.value);
      c.emit(op.COPY, 1);
      visitExpr(c, e.target);
      return;
    case 'BoolOp': {
      const end = c.u.newBlock();
      const jump = e.op.nodeType === 'And' ? op.JUMP_IF_FALSE_OR_POP : op.JUMP_IF_TRUE_OR_POP;
      const n = e.values.length - 1;
      for (let i = 0; i < n; i++) {
        visitExpr(c, e.values[i]);
        c.emitJump(jump, end);
        c.nextBlock();
      }
      visitExpr(c, e.values[n]);
      c.useNext(end);
      return;
    }
    case 'BinOp':
      visitExpr(c, e.left);
      visitExpr(c, e.right);
      c.emit(op.BINARY_OP, binaryOpArg(e.op.nodeType, false));
      return;
    case 'UnaryOp':
      visitExpr(c, e.operand);
      c.emit(unaryOpcode(e.op.nodeType));
      return;
    case 'Lambda':
      return compileLambda(c, e);
    case 'IfExp': {
      const end = c.u.newBlock();
      const next = c.u.newBlock();
      jumpIf(c, e.test, next, false);
      visitExpr(c, e.body);
      emitJumpNoLine(c, JUMP, end);
      c.useNext(next);
      visitExpr(c, e.orelse);
      c.useNext(end);
      return;
    }
    case 'Dict':
      return compileDict(c, e);
    case 'Set':
      return starunpackHelper(c, e.elts, 0, op.BUILD_SET, op.SET_ADD, op.SET_UPDATE, false);
    case 'GeneratorExp':
      return compileComprehension(c, e, 'generator', '<genexpr>', e.generators, e.elt, null);
    case 'ListComp':
      return compileComprehension(c, e, 'list', '<listcomp>', e.generators, e.elt, null);
    case 'SetComp':
      return compileComprehension(c, e, 'set', '<setcomp>', e.generators, e.elt, null);
    case 'DictComp':
      return compileComprehension(c, e, 'dict', '<dictcomp>', e.generators, e.key, e.value);
    case 'Yield':
      if (e.value) visitExpr(c, e.value);
      else c.emitConst(null);
      emitYield(c);
      return;
    case 'YieldFrom':
      visitExpr(c, e.value);
      c.emit(op.GET_YIELD_FROM_ITER);
      c.emitConst(null);
      addYieldFrom(c, false);
      return;
    case 'Await':
      visitExpr(c, e.value);
      c.emit(op.GET_AWAITABLE, 0);
      c.emitConst(null);
      addYieldFrom(c, true);
      return;
    case 'Compare':
      return compileCompare(c, e);
    case 'Call':
      return compileCall(c, e);
    case 'Constant':
      c.emitConst(e.value as CodeConstant);
      return;
    case 'JoinedStr':
      if (e.values.length > STACK_USE_GUIDELINE) {
        c.emitConst('');
        c.emitName(op.LOAD_METHOD, 'join');
        c.emit(op.BUILD_LIST, 0);
        for (const v of e.values) {
          visitExpr(c, v);
          c.emit(op.LIST_APPEND, 1);
        }
        c.emit(op.PRECALL, 1);
        c.emit(op.CALL, 1);
      } else {
        visitExprs(c, e.values);
        if (e.values.length !== 1) c.emit(op.BUILD_STRING, e.values.length);
      }
      return;
    case 'FormattedValue': {
      visitExpr(c, e.value);
      const conv = e.conversion;
      let arg = conv === 115 ? 1 : conv === 114 ? 2 : conv === 97 ? 3 : 0;
      if (e.format_spec) {
        visitExpr(c, e.format_spec);
        arg |= 4;
      }
      c.emit(op.FORMAT_VALUE, arg);
      return;
    }
    case 'Attribute':
      visitExpr(c, e.value);
      attributeTail(c, e);
      return;
    case 'Subscript':
      if (e.ctx.nodeType === 'Load') checkSubscript(c, e);
      visitExpr(c, e.value);
      visitExpr(c, e.slice);
      c.emit(subscriptOpcode(e));
      return;
    case 'Starred':
      if (e.ctx.nodeType === 'Store') throw syntaxErrorAt('starred assignment target must be in a list or tuple', e);
      throw syntaxErrorAt("can't use starred expression here", e);
    case 'Slice': {
      let n = 2;
      if (e.lower) visitExpr(c, e.lower);
      else c.emitConst(null);
      if (e.upper) visitExpr(c, e.upper);
      else c.emitConst(null);
      if (e.step) {
        n++;
        visitExpr(c, e.step);
      }
      c.emit(op.BUILD_SLICE, n);
      return;
    }
    case 'Name':
      return nameOp(c, e.id, e.ctx.nodeType);
    case 'List':
      if (e.ctx.nodeType === 'Store') return assignmentHelper(c, e.elts);
      if (e.ctx.nodeType === 'Load') return starunpackHelper(c, e.elts, 0, op.BUILD_LIST, op.LIST_APPEND, op.LIST_EXTEND, false);
      return visitExprs(c, e.elts);
    case 'Tuple':
      if (e.ctx.nodeType === 'Store') return assignmentHelper(c, e.elts);
      if (e.ctx.nodeType === 'Load') return starunpackHelper(c, e.elts, 0, op.BUILD_LIST, op.LIST_APPEND, op.LIST_EXTEND, true);
      return visitExprs(c, e.elts);
  }
}

export function updateStartLocationToMatchAttr(c: CompilerState, attr: ast.Attribute): void {
  if (c.u.loc.lineno !== attr.end_lineno) {
    const len = [...attr.attr].length;
    let col = c.u.loc.col_offset;
    let endCol = c.u.loc.end_col_offset;
    if (len <= attr.end_col_offset) col = attr.end_col_offset - len;
    else {
      col = -1;
      endCol = -1;
    }
    // Only the start moves to the attribute name; the end stays the node's (3.11 keeps end_lineno).
    c.u.loc = { lineno: attr.end_lineno, end_lineno: c.u.loc.end_lineno, col_offset: col, end_col_offset: endCol };
  }
}

export function emitJumpNoLine(c: CompilerState, code: number, target: Block): void {
  const saved = c.u.loc;
  c.u.loc = NO_LOC;
  c.emitJump(code, target);
  c.u.loc = saved;
}

export function emitNoLine(c: CompilerState, code: number, arg = 0): void {
  const saved = c.u.loc;
  c.u.loc = NO_LOC;
  c.emit(code, arg);
  c.u.loc = saved;
}

// ---------------------------------------------------------------- names

export function nameOp(c: CompilerState, name: string, ctx: string): void {
  const mangled = c.mangle(name);
  const u = c.u;
  const scope = u.scope.scopeOf(mangled);
  const isFunction = u.scope.type === 'function';
  let kind: 'name' | 'fast' | 'global' | 'deref' = 'name';
  switch (scope) {
    case NameScope.Free: case NameScope.Cell: kind = 'deref'; break;
    case NameScope.Local: if (isFunction) kind = 'fast'; break;
    case NameScope.GlobalImplicit: if (isFunction) kind = 'global'; break;
    case NameScope.GlobalExplicit: kind = 'global'; break;
  }
  switch (kind) {
    case 'deref': {
      const index = u.derefIndex(mangled);
      const code = ctx === 'Load' ? (u.scope.type === 'class' ? op.LOAD_CLASSDEREF : op.LOAD_DEREF) : ctx === 'Store' ? op.STORE_DEREF : op.DELETE_DEREF;
      c.emit(code, index);
      return;
    }
    case 'fast': {
      const index = u.addVarname(mangled);
      c.emit(ctx === 'Load' ? op.LOAD_FAST : ctx === 'Store' ? op.STORE_FAST : op.DELETE_FAST, index);
      return;
    }
    case 'global': {
      const index = u.addName(mangled);
      if (ctx === 'Load') c.emit(op.LOAD_GLOBAL, index << 1);
      else c.emit(ctx === 'Store' ? op.STORE_GLOBAL : op.DELETE_GLOBAL, index);
      return;
    }
    case 'name': {
      const index = u.addName(mangled);
      c.emit(ctx === 'Load' ? op.LOAD_NAME : ctx === 'Store' ? op.STORE_NAME : op.DELETE_NAME, index);
      return;
    }
  }
}

// ---------------------------------------------------------------- conditions

export function addCompare(c: CompilerState, cmp: ast.AstCmpop): void {
  switch (cmp.nodeType) {
    case 'Eq': c.emit(op.COMPARE_OP, op.PY_EQ); return;
    case 'NotEq': c.emit(op.COMPARE_OP, op.PY_NE); return;
    case 'Lt': c.emit(op.COMPARE_OP, op.PY_LT); return;
    case 'LtE': c.emit(op.COMPARE_OP, op.PY_LE); return;
    case 'Gt': c.emit(op.COMPARE_OP, op.PY_GT); return;
    case 'GtE': c.emit(op.COMPARE_OP, op.PY_GE); return;
    case 'Is': c.emit(op.IS_OP, 0); return;
    case 'IsNot': c.emit(op.IS_OP, 1); return;
    case 'In': c.emit(op.CONTAINS_OP, 0); return;
    case 'NotIn': c.emit(op.CONTAINS_OP, 1); return;
  }
}

function compileCompare(c: CompilerState, e: ast.Compare): void {
  checkCompare(c, e);
  visitExpr(c, e.left);
  const n = e.ops.length - 1;
  if (n === 0) {
    visitExpr(c, e.comparators[0]);
    addCompare(c, e.ops[0]);
    return;
  }
  const cleanup = c.u.newBlock();
  for (let i = 0; i < n; i++) {
    visitExpr(c, e.comparators[i]);
    c.emit(op.SWAP, 2);
    c.emit(op.COPY, 2);
    addCompare(c, e.ops[i]);
    c.emitJump(op.JUMP_IF_FALSE_OR_POP, cleanup);
    c.nextBlock();
  }
  visitExpr(c, e.comparators[n]);
  addCompare(c, e.ops[n]);
  const end = c.u.newBlock();
  emitJumpNoLine(c, JUMP, end);
  c.useNext(cleanup);
  c.emit(op.SWAP, 2);
  c.emit(op.POP_TOP);
  c.useNext(end);
}

export function jumpIf(c: CompilerState, e: AstExpr, next: Block, cond: boolean): void {
  switch (e.nodeType) {
    case 'UnaryOp':
      if (e.op.nodeType === 'Not') return jumpIf(c, e.operand, next, !cond);
      break;
    case 'BoolOp': {
      const n = e.values.length - 1;
      const cond2 = e.op.nodeType === 'Or';
      let next2 = next;
      if (cond2 !== cond) next2 = c.u.newBlock();
      for (let i = 0; i < n; i++) jumpIf(c, e.values[i], next2, cond2);
      jumpIf(c, e.values[n], next, cond);
      if (next2 !== next) c.useNext(next2);
      return;
    }
    case 'IfExp': {
      const end = c.u.newBlock();
      const next2 = c.u.newBlock();
      jumpIf(c, e.test, next2, false);
      jumpIf(c, e.body, next, cond);
      emitJumpNoLine(c, JUMP, end);
      c.useNext(next2);
      jumpIf(c, e.orelse, next, cond);
      c.useNext(end);
      return;
    }
    case 'Compare': {
      // CPython 3.11 leaves the comparison's range in effect for the jumps (and what follows).
      c.setLoc(e);
      const n = e.ops.length - 1;
      if (n > 0) {
        checkCompare(c, e);
        const cleanup = c.u.newBlock();
        visitExpr(c, e.left);
        for (let i = 0; i < n; i++) {
          visitExpr(c, e.comparators[i]);
          c.emit(op.SWAP, 2);
          c.emit(op.COPY, 2);
          addCompare(c, e.ops[i]);
          c.emitJump(POP_JUMP_IF_FALSE, cleanup);
          c.nextBlock();
        }
        visitExpr(c, e.comparators[n]);
        addCompare(c, e.ops[n]);
        c.emitJump(cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
        c.nextBlock();
        const end = c.u.newBlock();
        emitJumpNoLine(c, JUMP, end);
        c.useNext(cleanup);
        c.emit(op.POP_TOP);
        if (!cond) emitJumpNoLine(c, JUMP, next);
        c.useNext(end);
        return;
      }
      break;
    }
  }
  visitExpr(c, e);
  c.emitJump(cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
  c.nextBlock();
}

// ---------------------------------------------------------------- calls

function isConstantNode(e: AstExpr): e is ast.Constant {
  return e.nodeType === 'Constant';
}

function callSimpleKwHelper(c: CompilerState, keywords: readonly ast.Keyword[]): void {
  const names = new ConstTuple(keywords.map((k) => k.arg!));
  c.emit(op.KW_NAMES, c.u.addConst(names));
}

function compileCall(c: CompilerState, e: ast.Call): void {
  if (maybeOptimizeMethodCall(c, e)) return;
  checkCaller(c, e);
  c.setLoc(e.func);
  c.emit(op.PUSH_NULL);
  c.setLoc(e);
  visitExpr(c, e.func);
  callHelper(c, 0, e.args, e.keywords);
}

function maybeOptimizeMethodCall(c: CompilerState, e: ast.Call): boolean {
  if (!isOptimizableMethodCall(c, e)) return false;
  visitExpr(c, (e.func as ast.Attribute).value);
  methodCallTail(c, e);
  return true;
}

/** compiler 3.11's maybe_optimize_method_call conditions: `obj.meth(args)` with LOAD_METHOD. */
function isOptimizableMethodCall(c: CompilerState, e: ast.Call): boolean {
  const meth = e.func;
  if (meth.nodeType !== 'Attribute' || meth.ctx.nodeType !== 'Load') return false;
  const argsl = e.args.length;
  const kwdsl = e.keywords.length;
  if (argsl + kwdsl + (kwdsl !== 0 ? 1 : 0) >= STACK_USE_GUIDELINE) return false;
  if (e.args.some((a) => a.nodeType === 'Starred')) return false;
  if (e.keywords.some((k) => k.arg === null)) return false;
  // A name bound by an import at module level is probably a module: CPython 3.11 uses LOAD_ATTR.
  if (meth.value.nodeType === 'Name' && (c.table.top.flagsOf(meth.value.id) & DEF_IMPORT) !== 0) return false;
  return true;
}

/** A method call's code once the object is on the stack. */
function methodCallTail(c: CompilerState, e: ast.Call): void {
  const meth = e.func as ast.Attribute;
  const argsl = e.args.length;
  const kwdsl = e.keywords.length;
  // LOAD_METHOD (and KW_NAMES) carry the attribute's range; PRECALL/CALL the call's.
  c.setLoc(meth);
  updateStartLocationToMatchAttr(c, meth);
  c.emitName(op.LOAD_METHOD, meth.attr);
  visitExprs(c, e.args);
  if (kwdsl) {
    for (const k of e.keywords) visitExpr(c, k.value);
    callSimpleKwHelper(c, e.keywords);
  }
  c.setLoc(e);
  updateStartLocationToMatchAttr(c, meth);
  c.emit(op.PRECALL, argsl + kwdsl);
  c.emit(op.CALL, argsl + kwdsl);
}

export function callHelper(c: CompilerState, n: number, args: readonly AstExpr[], keywords: readonly ast.Keyword[]): void {
  const nelts = args.length;
  const nkwelts = keywords.length;
  const simple =
    nelts + nkwelts * 2 <= STACK_USE_GUIDELINE && !args.some((a) => a.nodeType === 'Starred') && !keywords.some((k) => k.arg === null);
  if (simple) {
    visitExprs(c, args);
    if (nkwelts) {
      for (const k of keywords) visitExpr(c, k.value);
      callSimpleKwHelper(c, keywords);
    }
    c.emit(op.PRECALL, n + nelts + nkwelts);
    c.emit(op.CALL, n + nelts + nkwelts);
    return;
  }
  if (n === 0 && nelts === 1 && args[0].nodeType === 'Starred') {
    visitExpr(c, args[0].value);
  } else {
    starunpackHelper(c, args, n, op.BUILD_LIST, op.LIST_APPEND, op.LIST_EXTEND, true);
  }
  if (nkwelts) {
    let haveDict = false;
    let nseen = 0;
    for (let i = 0; i < nkwelts; i++) {
      const kw = keywords[i];
      if (kw.arg === null) {
        if (nseen) {
          subkwargs(c, keywords, i - nseen, i);
          if (haveDict) c.emit(op.DICT_MERGE, 1);
          haveDict = true;
          nseen = 0;
        }
        if (!haveDict) {
          c.emit(op.BUILD_MAP, 0);
          haveDict = true;
        }
        visitExpr(c, kw.value);
        c.emit(op.DICT_MERGE, 1);
      } else {
        nseen++;
      }
    }
    if (nseen) {
      subkwargs(c, keywords, nkwelts - nseen, nkwelts);
      if (haveDict) c.emit(op.DICT_MERGE, 1);
    }
  }
  c.emit(op.CALL_FUNCTION_EX, nkwelts > 0 ? 1 : 0);
}

function subkwargs(c: CompilerState, keywords: readonly ast.Keyword[], begin: number, end: number): void {
  const n = end - begin;
  const big = n * 2 > STACK_USE_GUIDELINE;
  if (n > 1 && !big) {
    for (let i = begin; i < end; i++) visitExpr(c, keywords[i].value);
    c.emitConst(new ConstTuple(keywords.slice(begin, end).map((k) => k.arg!)));
    c.emit(op.BUILD_CONST_KEY_MAP, n);
    return;
  }
  if (big) emitNoLine(c, op.BUILD_MAP, 0);
  for (let i = begin; i < end; i++) {
    c.emitConst(keywords[i].arg!);
    visitExpr(c, keywords[i].value);
    if (big) emitNoLine(c, op.MAP_ADD, 1);
  }
  if (!big) c.emit(op.BUILD_MAP, n);
}

// ---------------------------------------------------------------- displays

function allConstant(elts: readonly (AstExpr | null)[], begin: number, end: number): boolean {
  for (let i = begin; i < end; i++) {
    const e = elts[i];
    if (e === null || !isConstantNode(e)) return false;
  }
  return true;
}

export function starunpackHelper(
  c: CompilerState, elts: readonly AstExpr[], pushed: number, build: number, add: number, extend: number, tuple: boolean,
): void {
  const n = elts.length;
  if (n > 2 && allConstant(elts, 0, n)) {
    const values = elts.map((e) => (e as ast.Constant).value as CodeConstant);
    if (tuple && !pushed) {
      c.emitConst(new ConstTuple(values));
    } else {
      c.emit(build, pushed);
      c.emitConst(add === op.SET_ADD ? makeFrozensetConstant(values) : new ConstTuple(values));
      c.emit(extend, 1);
      if (tuple) c.emit(op.LIST_TO_TUPLE);
    }
    return;
  }
  const big = n + pushed > STACK_USE_GUIDELINE;
  const seenStar = elts.some((e) => e.nodeType === 'Starred');
  if (!seenStar && !big) {
    visitExprs(c, elts);
    c.emit(tuple ? op.BUILD_TUPLE : build, n + pushed);
    return;
  }
  let built = false;
  if (big) {
    c.emit(build, pushed);
    built = true;
  }
  for (let i = 0; i < n; i++) {
    const elt = elts[i];
    if (elt.nodeType === 'Starred') {
      if (!built) {
        c.emit(build, i + pushed);
        built = true;
      }
      visitExpr(c, elt.value);
      c.emit(extend, 1);
    } else {
      visitExpr(c, elt);
      if (built) c.emit(add, 1);
    }
  }
  if (tuple) c.emit(op.LIST_TO_TUPLE);
}

export function unpackHelper(c: CompilerState, elts: readonly AstExpr[]): void {
  const n = elts.length;
  let seenStar = false;
  for (let i = 0; i < n; i++) {
    const elt = elts[i];
    if (elt.nodeType === 'Starred' && !seenStar) {
      if (i >= 1 << 8 || n - i - 1 >= 0x7fffffff >> 8) throw syntaxErrorAt('too many expressions in star-unpacking assignment', elt);
      c.emit(op.UNPACK_EX, i + ((n - i - 1) << 8));
      seenStar = true;
    } else if (elt.nodeType === 'Starred') {
      throw syntaxErrorAt('multiple starred expressions in assignment', elt);
    }
  }
  if (!seenStar) c.emit(op.UNPACK_SEQUENCE, n);
}

function assignmentHelper(c: CompilerState, elts: readonly AstExpr[]): void {
  unpackHelper(c, elts);
  for (const elt of elts) visitExpr(c, elt.nodeType === 'Starred' ? elt.value : elt);
}

function subdict(c: CompilerState, e: ast.Dict, begin: number, end: number): void {
  const n = end - begin;
  const big = n * 2 > STACK_USE_GUIDELINE;
  if (n > 1 && !big && allConstant(e.keys, begin, end)) {
    for (let i = begin; i < end; i++) visitExpr(c, e.values[i]);
    c.emitConst(new ConstTuple(e.keys.slice(begin, end).map((k) => (k as ast.Constant).value as CodeConstant)));
    c.emit(op.BUILD_CONST_KEY_MAP, n);
    return;
  }
  if (big) c.emit(op.BUILD_MAP, 0);
  for (let i = begin; i < end; i++) {
    visitExpr(c, e.keys[i]!);
    visitExpr(c, e.values[i]);
    if (big) c.emit(op.MAP_ADD, 1);
  }
  if (!big) c.emit(op.BUILD_MAP, n);
}

function compileDict(c: CompilerState, e: ast.Dict): void {
  const n = e.values.length;
  let haveDict = false;
  let elements = 0;
  for (let i = 0; i < n; i++) {
    if (e.keys[i] === null) {
      if (elements) {
        subdict(c, e, i - elements, i);
        if (haveDict) c.emit(op.DICT_UPDATE, 1);
        haveDict = true;
        elements = 0;
      }
      if (!haveDict) {
        c.emit(op.BUILD_MAP, 0);
        haveDict = true;
      }
      visitExpr(c, e.values[i]);
      c.emit(op.DICT_UPDATE, 1);
    } else if (elements * 2 > STACK_USE_GUIDELINE) {
      subdict(c, e, i - elements, i + 1);
      if (haveDict) c.emit(op.DICT_UPDATE, 1);
      haveDict = true;
      elements = 0;
    } else {
      elements++;
    }
  }
  if (elements) {
    subdict(c, e, n - elements, n);
    if (haveDict) c.emit(op.DICT_UPDATE, 1);
    haveDict = true;
  }
  if (!haveDict) c.emit(op.BUILD_MAP, 0);
}

// ---------------------------------------------------------------- generators and coroutines

export function emitYield(c: CompilerState): void {
  if (c.u.scope.generator && c.u.scope.coroutine) c.emit(op.ASYNC_GEN_WRAP);
  c.emit(op.YIELD_VALUE);
  c.emit(op.RESUME, 1);
}

export function addYieldFrom(c: CompilerState, isAwait: boolean): void {
  const start = c.u.newBlock();
  const resume = c.u.newBlock();
  const exit = c.u.newBlock();
  c.useNext(start);
  c.emitJump(op.SEND, exit);
  c.useNext(resume);
  c.emit(op.YIELD_VALUE, 0);
  c.emit(op.RESUME, isAwait ? 3 : 2);
  c.emitJump(JUMP_NO_INTERRUPT, start);
  c.useNext(exit);
}

function compileLambda(c: CompilerState, e: ast.Lambda): void {
  const flags = defaultArguments(c, e.args);
  const scope = c.scopeFor(e);
  c.enterScope(scope, ScopeKind.Lambda, '<lambda>', e.lineno);
  c.u.addConst(null);
  c.u.argcount = e.args.args.length;
  c.u.posonlyargcount = e.args.posonlyargs.length;
  c.u.kwonlyargcount = e.args.kwonlyargs.length;
  visitExpr(c, e.body);
  let code;
  if (scope.generator) {
    code = compileFunctionBody(c, false);
  } else {
    c.emit(op.RETURN_VALUE);
    code = compileFunctionBody(c, true);
  }
  const qualname = c.u.qualname;
  c.exitScope();
  makeClosure(c, code, flags, qualname);
}

type ComprehensionType = 'generator' | 'list' | 'set' | 'dict';

function compileComprehension(
  c: CompilerState, e: AstExpr, type: ComprehensionType, name: string, generators: readonly ast.Comprehension[],
  elt: AstExpr, val: AstExpr | null,
): void {
  const outerKind = c.u.kind;
  const scope = c.scopeFor(e);
  c.enterScope(scope, ScopeKind.Comprehension, name, e.lineno);
  c.setLoc(e);
  const isAsyncGenerator = scope.coroutine;
  if (isAsyncGenerator && type !== 'generator' && outerKind !== ScopeKind.AsyncFunction && outerKind !== ScopeKind.Comprehension) {
    throw syntaxErrorAt('asynchronous comprehension outside of an asynchronous function', e);
  }
  if (type !== 'generator') c.emit(type === 'list' ? op.BUILD_LIST : type === 'set' ? op.BUILD_SET : op.BUILD_MAP, 0);
  comprehensionGenerator(c, generators, 0, 0, elt, val, type);
  if (type !== 'generator') c.emit(op.RETURN_VALUE);
  const code = compileFunctionBody(c, true);
  const qualname = c.u.qualname;
  c.exitScope();
  makeClosure(c, code, 0, qualname);
  visitExpr(c, generators[0].iter);
  c.emit(generators[0].is_async ? op.GET_AITER : op.GET_ITER);
  c.emit(op.PRECALL, 0);
  c.emit(op.CALL, 0);
  if (isAsyncGenerator && type !== 'generator') {
    c.emit(op.GET_AWAITABLE, 0);
    c.emitConst(null);
    addYieldFrom(c, true);
  }
}

function comprehensionElement(c: CompilerState, elt: AstExpr, val: AstExpr | null, type: ComprehensionType, depth: number): void {
  switch (type) {
    case 'generator':
      visitExpr(c, elt);
      emitYield(c);
      c.emit(op.POP_TOP);
      return;
    case 'list':
      visitExpr(c, elt);
      c.emit(op.LIST_APPEND, depth + 1);
      return;
    case 'set':
      visitExpr(c, elt);
      c.emit(op.SET_ADD, depth + 1);
      return;
    case 'dict':
      visitExpr(c, elt);
      visitExpr(c, val!);
      c.emit(op.MAP_ADD, depth + 1);
      return;
  }
}

function comprehensionGenerator(
  c: CompilerState, generators: readonly ast.Comprehension[], index: number, depth: number, elt: AstExpr, val: AstExpr | null,
  type: ComprehensionType,
): void {
  if (generators[index].is_async) asyncComprehensionGenerator(c, generators, index, depth, elt, val, type);
  else syncComprehensionGenerator(c, generators, index, depth, elt, val, type);
}

function syncComprehensionGenerator(
  c: CompilerState, generators: readonly ast.Comprehension[], index: number, depth: number, elt: AstExpr, val: AstExpr | null,
  type: ComprehensionType,
): void {
  let start: Block | null = c.u.newBlock();
  const ifCleanup = c.u.newBlock();
  const anchor = c.u.newBlock();
  const gen = generators[index];
  if (index === 0) {
    c.u.argcount = 1;
    c.emit(op.LOAD_FAST, 0);
  } else {
    const it = gen.iter;
    const elts = it.nodeType === 'List' || it.nodeType === 'Tuple' ? it.elts : null;
    if (elts && elts.length === 1 && elts[0].nodeType !== 'Starred') {
      visitExpr(c, elts[0]);
      start = null;
    }
    if (start) {
      visitExpr(c, gen.iter);
      c.emit(op.GET_ITER);
    }
  }
  if (start) {
    depth++;
    c.useNext(start);
    c.emitJump(op.FOR_ITER, anchor);
    c.nextBlock();
  }
  visitExpr(c, gen.target);
  for (const cond of gen.ifs) jumpIf(c, cond, ifCleanup, false);
  if (++index < generators.length) comprehensionGenerator(c, generators, index, depth, elt, val, type);
  if (index >= generators.length) comprehensionElement(c, elt, val, type, depth);
  c.useNext(ifCleanup);
  if (start) {
    c.emitJump(JUMP, start);
    c.useNext(anchor);
  }
}

function asyncComprehensionGenerator(
  c: CompilerState, generators: readonly ast.Comprehension[], index: number, depth: number, elt: AstExpr, val: AstExpr | null,
  type: ComprehensionType,
): void {
  const start = c.u.newBlock();
  const except = c.u.newBlock();
  const ifCleanup = c.u.newBlock();
  const gen = generators[index];
  if (index === 0) {
    c.u.argcount = 1;
    c.emit(op.LOAD_FAST, 0);
  } else {
    visitExpr(c, gen.iter);
    c.emit(op.GET_AITER);
  }
  c.useNext(start);
  c.pushFBlock(FBlock.AsyncComprehensionGenerator, start, null);
  c.emitJump(SETUP_FINALLY, except);
  c.emit(op.GET_ANEXT);
  c.emitConst(null);
  addYieldFrom(c, true);
  c.emit(POP_BLOCK);
  visitExpr(c, gen.target);
  for (const cond of gen.ifs) jumpIf(c, cond, ifCleanup, false);
  depth++;
  if (++index < generators.length) comprehensionGenerator(c, generators, index, depth, elt, val, type);
  if (index >= generators.length) comprehensionElement(c, elt, val, type, depth);
  c.useNext(ifCleanup);
  c.emitJump(JUMP, start);
  c.popFBlock();
  c.useNext(except);
  c.emit(op.END_ASYNC_FOR);
}

export function constantOf(e: AstExpr): ConstantValue | undefined {
  return e.nodeType === 'Constant' ? (e.value as ConstantValue) : undefined;
}
