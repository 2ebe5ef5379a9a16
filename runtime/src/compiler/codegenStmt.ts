// Code generation for statements (compile.c's compiler_visit_stmt and friends): assignments,
// control flow with its frame-block bookkeeping, try/except/finally (3.11's zero-cost exception
// handling with SETUP_* pseudo-instructions that become the exception table), with / async with,
// imports, asserts, annotations, and the unwinding that break / continue / return perform
// through enclosing finally bodies, with-blocks and handlers.

import type * as ast from '../syntax/ast';
import type { AstExpr, AstStmt } from '../syntax/ast';
import { syntaxErrorAt } from '../symtable/errors';
import { CompilerState, FBlock, ScopeKind } from './compilerUnit';
import type { FrameBlock } from './compilerUnit';
import {
  addYieldFrom, binaryOpArg, emitJumpNoLine, emitNoLine, jumpIf, nameOp, updateStartLocationToMatchAttr, visitExpr,
} from './codegenExpr';
import { compileClass, compileFunction } from './codegenFunction';
import { compileMatch } from './codegenPattern';
import { compileTryStar } from './codegenTryStar';
import { annotationText } from './annotationText';
import { ConstTuple } from './codeObject';
import { JUMP, POP_BLOCK, POP_JUMP_IF_TRUE, SETUP_CLEANUP, SETUP_FINALLY, SETUP_WITH } from './instructions';
import * as op from './opcodes';
import { checkAssert } from './compileWarnings';

export function visitStmts(c: CompilerState, stmts: readonly AstStmt[]): void {
  for (const s of stmts) visitStmt(c, s);
}

function findAnn(stmts: readonly AstStmt[]): boolean {
  for (const s of stmts) {
    switch (s.nodeType) {
      case 'AnnAssign': return true;
      case 'For': case 'AsyncFor': case 'While': case 'If':
        if (findAnn(s.body) || findAnn(s.orelse)) return true;
        break;
      case 'With': case 'AsyncWith':
        if (findAnn(s.body)) return true;
        break;
      case 'Try': case 'TryStar':
        if (findAnn(s.body) || findAnn(s.orelse) || findAnn(s.finalbody)) return true;
        for (const h of s.handlers) if (findAnn(h.body)) return true;
        break;
      case 'Match':
        for (const m of s.cases) if (findAnn(m.body)) return true;
        break;
    }
  }
  return false;
}

export function compilerBody(c: CompilerState, stmts: readonly AstStmt[]): void {
  if (c.u.kind === ScopeKind.Module && stmts.length) c.setLoc(stmts[0]);
  if (findAnn(stmts)) c.emit(op.SETUP_ANNOTATIONS);
  if (!stmts.length) return;
  let i = 0;
  const first = stmts[0];
  if (first.nodeType === 'Expr' && first.value.nodeType === 'Constant' && typeof first.value.value === 'string') {
    i = 1;
    c.setLoc(first);
    visitExpr(c, first.value);
    nameOp(c, '__doc__', 'Store');
  }
  for (; i < stmts.length; i++) visitStmt(c, stmts[i]);
}

export function visitStmt(c: CompilerState, s: AstStmt): void {
  c.setLoc(s);
  switch (s.nodeType) {
    case 'FunctionDef': case 'AsyncFunctionDef':
      return compileFunction(c, s);
    case 'ClassDef':
      return compileClass(c, s);
    case 'Return':
      return compileReturn(c, s);
    case 'Delete':
      for (const t of s.targets) visitExpr(c, t);
      return;
    case 'Assign': {
      visitExpr(c, s.value);
      const n = s.targets.length;
      for (let i = 0; i < n; i++) {
        if (i < n - 1) c.emit(op.COPY, 1);
        visitExpr(c, s.targets[i]);
      }
      return;
    }
    case 'AugAssign':
      return compileAugAssign(c, s);
    case 'AnnAssign':
      return compileAnnAssign(c, s);
    case 'For':
      return compileFor(c, s);
    case 'AsyncFor':
      return compileAsyncFor(c, s);
    case 'While':
      return compileWhile(c, s);
    case 'If':
      return compileIf(c, s);
    case 'Match':
      return compileMatch(c, s);
    case 'Raise': {
      let n = 0;
      if (s.exc) {
        visitExpr(c, s.exc);
        n++;
        if (s.cause) {
          visitExpr(c, s.cause);
          n++;
        }
      }
      c.emit(op.RAISE_VARARGS, n);
      c.nextBlock();
      return;
    }
    case 'Try':
      if (s.finalbody.length) return compileTryFinally(c, s);
      return compileTryExcept(c, s);
    case 'TryStar':
      return compileTryStar(c, s);
    case 'Assert':
      return compileAssert(c, s);
    case 'Import':
      return compileImport(c, s);
    case 'ImportFrom':
      return compileFromImport(c, s);
    case 'Global': case 'Nonlocal':
      return;
    case 'Expr':
      if (c.interactive && c.nestLevel <= 1) {
        visitExpr(c, s.value);
        c.emit(op.PRINT_EXPR);
        return;
      }
      if (s.value.nodeType === 'Constant') {
        c.emit(op.NOP);
        return;
      }
      visitExpr(c, s.value);
      c.unsetLoc();
      c.emit(op.POP_TOP);
      return;
    case 'Pass':
      c.emit(op.NOP);
      return;
    case 'Break':
      return compileBreak(c, s);
    case 'Continue':
      return compileContinue(c, s);
    case 'With':
      return compileWith(c, s, 0);
    case 'AsyncWith':
      return compileAsyncWith(c, s, 0);
  }
}

// ---------------------------------------------------------------- unwinding

function callExitWithNones(c: CompilerState): void {
  c.emitConst(null);
  c.emitConst(null);
  c.emitConst(null);
  c.emit(op.PRECALL, 2);
  c.emit(op.CALL, 2);
}

function unwindFBlock(c: CompilerState, info: FrameBlock, preserveTos: boolean): void {
  switch (info.type) {
    case FBlock.WhileLoop: case FBlock.ExceptionHandler: case FBlock.ExceptionGroupHandler:
    case FBlock.AsyncComprehensionGenerator:
      return;
    case FBlock.ForLoop:
      if (preserveTos) c.emit(op.SWAP, 2);
      c.emit(op.POP_TOP);
      return;
    case FBlock.TryExcept:
      c.emit(POP_BLOCK);
      return;
    case FBlock.FinallyTry:
      c.emit(POP_BLOCK);
      if (preserveTos) c.pushFBlock(FBlock.PopValue, null as never, null);
      visitStmts(c, info.datum as AstStmt[]);
      if (preserveTos) c.popFBlock();
      c.unsetLoc();
      return;
    case FBlock.FinallyEnd:
      if (preserveTos) c.emit(op.SWAP, 2);
      c.emit(op.POP_TOP);
      if (preserveTos) c.emit(op.SWAP, 2);
      c.emit(POP_BLOCK);
      c.emit(op.POP_EXCEPT);
      return;
    case FBlock.With: case FBlock.AsyncWith:
      c.setLoc(info.datum as ast.With);
      c.emit(POP_BLOCK);
      if (preserveTos) c.emit(op.SWAP, 2);
      callExitWithNones(c);
      if (info.type === FBlock.AsyncWith) {
        c.emit(op.GET_AWAITABLE, 2);
        c.emitConst(null);
        addYieldFrom(c, true);
      }
      c.emit(op.POP_TOP);
      c.unsetLoc();
      return;
    case FBlock.HandlerCleanup: {
      const name = info.datum as string | null;
      if (name) c.emit(POP_BLOCK);
      if (preserveTos) c.emit(op.SWAP, 2);
      c.emit(POP_BLOCK);
      c.emit(op.POP_EXCEPT);
      if (name) {
        c.emitConst(null);
        nameOp(c, name, 'Store');
        nameOp(c, name, 'Del');
      }
      return;
    }
    case FBlock.PopValue:
      if (preserveTos) c.emit(op.SWAP, 2);
      c.emit(op.POP_TOP);
      return;
  }
}

/** Unwind every frame block (or up to the innermost loop when `wantLoop`); returns that loop. */
function unwindFBlockStack(c: CompilerState, preserveTos: boolean, wantLoop: boolean, node: ast.Located): FrameBlock | null {
  const stack = c.u.fblocks;
  if (!stack.length) return null;
  const top = stack[stack.length - 1];
  if (top.type === FBlock.ExceptionGroupHandler) {
    throw syntaxErrorAt("'break', 'continue' and 'return' cannot appear in an except* block", node);
  }
  if (wantLoop && (top.type === FBlock.WhileLoop || top.type === FBlock.ForLoop)) return top;
  stack.pop();
  unwindFBlock(c, top, preserveTos);
  const loop = unwindFBlockStack(c, preserveTos, wantLoop, node);
  stack.push(top);
  return loop;
}

function compileReturn(c: CompilerState, s: ast.Return): void {
  const value = s.value;
  const preserveTos = value !== null && value.nodeType !== 'Constant';
  if (c.u.scope.type !== 'function') throw syntaxErrorAt("'return' outside function", s);
  if (value && c.u.scope.coroutine && c.u.scope.generator) throw syntaxErrorAt("'return' with value in async generator", s);
  if (preserveTos) {
    visitExpr(c, value!);
  } else if (value) {
    c.setLoc(value);
    c.emit(op.NOP);
  }
  if (!value || value.lineno !== s.lineno) {
    c.setLoc(s);
    c.emit(op.NOP);
  }
  unwindFBlockStack(c, preserveTos, false, s);
  if (!value) c.emitConst(null);
  else if (!preserveTos) c.emitConst((value as ast.Constant).value as never);
  c.emit(op.RETURN_VALUE);
  c.nextBlock();
}

function compileBreak(c: CompilerState, s: ast.Break): void {
  c.emit(op.NOP);
  const loop = unwindFBlockStack(c, false, true, s);
  if (!loop) throw syntaxErrorAt("'break' outside loop", s);
  unwindFBlock(c, loop, false);
  c.emitJump(JUMP, loop.exit!);
  c.nextBlock();
}

function compileContinue(c: CompilerState, s: ast.Continue): void {
  c.emit(op.NOP);
  const loop = unwindFBlockStack(c, false, true, s);
  if (!loop) throw syntaxErrorAt("'continue' not properly in loop", s);
  c.emitJump(JUMP, loop.block);
  c.nextBlock();
}

// ---------------------------------------------------------------- control flow

function compileIf(c: CompilerState, s: ast.If): void {
  const end = c.u.newBlock();
  const next = s.orelse.length ? c.u.newBlock() : end;
  jumpIf(c, s.test, next, false);
  visitStmts(c, s.body);
  if (s.orelse.length) {
    emitJumpNoLine(c, JUMP, end);
    c.useNext(next);
    visitStmts(c, s.orelse);
  }
  c.useNext(end);
}

function compileFor(c: CompilerState, s: ast.For): void {
  const start = c.u.newBlock();
  const body = c.u.newBlock();
  const cleanup = c.u.newBlock();
  const end = c.u.newBlock();
  c.pushFBlock(FBlock.ForLoop, start, end);
  visitExpr(c, s.iter);
  c.emit(op.GET_ITER);
  c.useNext(start);
  c.emitJump(op.FOR_ITER, cleanup);
  c.useNext(body);
  visitExpr(c, s.target);
  visitStmts(c, s.body);
  c.unsetLoc();
  c.emitJump(JUMP, start);
  c.useNext(cleanup);
  c.popFBlock();
  visitStmts(c, s.orelse);
  c.useNext(end);
}

function compileAsyncFor(c: CompilerState, s: ast.AsyncFor): void {
  const start = c.u.newBlock();
  const except = c.u.newBlock();
  const end = c.u.newBlock();
  visitExpr(c, s.iter);
  c.emit(op.GET_AITER);
  c.useNext(start);
  c.pushFBlock(FBlock.ForLoop, start, end);
  c.emitJump(SETUP_FINALLY, except);
  c.emit(op.GET_ANEXT);
  c.emitConst(null);
  addYieldFrom(c, true);
  c.emit(POP_BLOCK);
  visitExpr(c, s.target);
  visitStmts(c, s.body);
  c.unsetLoc();
  c.emitJump(JUMP, start);
  c.popFBlock();
  c.useNext(except);
  c.setLoc(s.iter);
  c.emit(op.END_ASYNC_FOR);
  visitStmts(c, s.orelse);
  c.useNext(end);
}

function compileWhile(c: CompilerState, s: ast.While): void {
  const loop = c.u.newBlock();
  const body = c.u.newBlock();
  const anchor = c.u.newBlock();
  const end = c.u.newBlock();
  c.useNext(loop);
  c.pushFBlock(FBlock.WhileLoop, loop, end);
  jumpIf(c, s.test, anchor, false);
  c.useNext(body);
  visitStmts(c, s.body);
  c.setLoc(s);
  jumpIf(c, s.test, body, true);
  c.popFBlock();
  c.useNext(anchor);
  visitStmts(c, s.orelse);
  c.useNext(end);
}

// ---------------------------------------------------------------- exceptions

export function popExceptAndReraise(c: CompilerState): void {
  c.emit(op.COPY, 3);
  c.emit(op.POP_EXCEPT);
  c.emit(op.RERAISE, 1);
}

function compileTryFinally(c: CompilerState, s: ast.Try | ast.TryStar): void {
  const body = c.u.newBlock();
  const end = c.u.newBlock();
  const exit = c.u.newBlock();
  const cleanup = c.u.newBlock();
  c.emitJump(SETUP_FINALLY, end);
  c.useNext(body);
  c.pushFBlock(FBlock.FinallyTry, body, end, s.finalbody);
  if (s.handlers.length) {
    if (s.nodeType === 'TryStar') compileTryStar(c, s, true);
    else compileTryExcept(c, s);
  } else {
    visitStmts(c, s.body);
  }
  emitNoLine(c, POP_BLOCK);
  c.popFBlock();
  visitStmts(c, s.finalbody);
  emitJumpNoLine(c, JUMP, exit);
  c.useNext(end);
  c.unsetLoc();
  c.emitJump(SETUP_CLEANUP, cleanup);
  c.emit(op.PUSH_EXC_INFO);
  c.pushFBlock(FBlock.FinallyEnd, end, null);
  visitStmts(c, s.finalbody);
  c.popFBlock();
  c.emit(op.RERAISE, 0);
  c.useNext(cleanup);
  popExceptAndReraise(c);
  c.useNext(exit);
}

export { compileTryFinally };

function compileTryExcept(c: CompilerState, s: ast.Try): void {
  const body = c.u.newBlock();
  let except = c.u.newBlock();
  const end = c.u.newBlock();
  const cleanup = c.u.newBlock();
  c.emitJump(SETUP_FINALLY, except);
  c.useNext(body);
  c.pushFBlock(FBlock.TryExcept, body, null);
  visitStmts(c, s.body);
  c.popFBlock();
  emitNoLine(c, POP_BLOCK);
  visitStmts(c, s.orelse);
  emitJumpNoLine(c, JUMP, end);
  const n = s.handlers.length;
  c.useNext(except);
  c.unsetLoc();
  c.emitJump(SETUP_CLEANUP, cleanup);
  c.emit(op.PUSH_EXC_INFO);
  c.pushFBlock(FBlock.ExceptionHandler, null as never, null);
  for (let i = 0; i < n; i++) {
    const handler = s.handlers[i] as ast.ExceptHandler;
    c.setLoc(handler);
    if (!handler.type && i < n - 1) throw syntaxErrorAt("default 'except:' must be last", handler);
    except = c.u.newBlock();
    if (handler.type) {
      visitExpr(c, handler.type);
      c.emit(op.CHECK_EXC_MATCH);
      c.emitJump(262 /* POP_JUMP_IF_FALSE */, except);
      c.nextBlock();
    }
    if (handler.name) {
      const cleanupEnd = c.u.newBlock();
      const cleanupBody = c.u.newBlock();
      nameOp(c, handler.name, 'Store');
      c.emitJump(SETUP_CLEANUP, cleanupEnd);
      c.useNext(cleanupBody);
      c.pushFBlock(FBlock.HandlerCleanup, cleanupBody, null, handler.name);
      visitStmts(c, handler.body);
      c.popFBlock();
      c.unsetLoc();
      c.emit(POP_BLOCK);
      c.emit(POP_BLOCK);
      c.emit(op.POP_EXCEPT);
      c.emitConst(null);
      nameOp(c, handler.name, 'Store');
      nameOp(c, handler.name, 'Del');
      c.emitJump(JUMP, end);
      c.useNext(cleanupEnd);
      c.unsetLoc();
      c.emitConst(null);
      nameOp(c, handler.name, 'Store');
      nameOp(c, handler.name, 'Del');
      c.emit(op.RERAISE, 1);
    } else {
      const cleanupBody = c.u.newBlock();
      c.emit(op.POP_TOP);
      c.useNext(cleanupBody);
      c.pushFBlock(FBlock.HandlerCleanup, cleanupBody, null, null);
      visitStmts(c, handler.body);
      c.popFBlock();
      c.unsetLoc();
      c.emit(POP_BLOCK);
      c.emit(op.POP_EXCEPT);
      c.emitJump(JUMP, end);
    }
    c.useNext(except);
  }
  c.unsetLoc();
  c.popFBlock();
  c.emit(op.RERAISE, 0);
  c.useNext(cleanup);
  popExceptAndReraise(c);
  c.useNext(end);
}

function withExceptFinish(c: CompilerState, cleanup: ReturnType<CompilerState['u']['newBlock']>): void {
  c.unsetLoc();
  const exit = c.u.newBlock();
  c.emitJump(POP_JUMP_IF_TRUE, exit);
  c.nextBlock();
  c.emit(op.RERAISE, 2);
  c.useNext(cleanup);
  popExceptAndReraise(c);
  c.useNext(exit);
  c.emit(op.POP_TOP);
  c.emit(POP_BLOCK);
  c.emit(op.POP_EXCEPT);
  c.emit(op.POP_TOP);
  c.emit(op.POP_TOP);
}

function compileWith(c: CompilerState, s: ast.With, pos: number): void {
  const item = s.items[pos];
  const body = c.u.newBlock();
  const final = c.u.newBlock();
  const exit = c.u.newBlock();
  const cleanup = c.u.newBlock();
  visitExpr(c, item.context_expr);
  c.emit(op.BEFORE_WITH);
  c.emitJump(SETUP_WITH, final);
  c.useNext(body);
  c.pushFBlock(FBlock.With, body, final, s);
  if (item.optional_vars) visitExpr(c, item.optional_vars);
  else c.emit(op.POP_TOP);
  pos++;
  if (pos === s.items.length) visitStmts(c, s.body);
  else compileWith(c, s, pos);
  c.unsetLoc();
  c.emit(POP_BLOCK);
  c.popFBlock();
  c.setLoc(s);
  callExitWithNones(c);
  c.emit(op.POP_TOP);
  c.emitJump(JUMP, exit);
  c.useNext(final);
  c.emitJump(SETUP_CLEANUP, cleanup);
  c.emit(op.PUSH_EXC_INFO);
  c.emit(op.WITH_EXCEPT_START);
  withExceptFinish(c, cleanup);
  c.useNext(exit);
}

function compileAsyncWith(c: CompilerState, s: ast.AsyncWith, pos: number): void {
  if (c.u.kind !== ScopeKind.AsyncFunction) {
    throw syntaxErrorAt("'async with' outside async function", s);
  }
  const item = s.items[pos];
  const block = c.u.newBlock();
  const final = c.u.newBlock();
  const exit = c.u.newBlock();
  const cleanup = c.u.newBlock();
  visitExpr(c, item.context_expr);
  c.emit(op.BEFORE_ASYNC_WITH);
  c.emit(op.GET_AWAITABLE, 1);
  c.emitConst(null);
  addYieldFrom(c, true);
  c.emitJump(SETUP_WITH, final);
  c.useNext(block);
  c.pushFBlock(FBlock.AsyncWith, block, final, s);
  if (item.optional_vars) visitExpr(c, item.optional_vars);
  else c.emit(op.POP_TOP);
  pos++;
  if (pos === s.items.length) visitStmts(c, s.body);
  else compileAsyncWith(c, s, pos);
  c.popFBlock();
  c.unsetLoc();
  c.emit(POP_BLOCK);
  c.setLoc(s);
  callExitWithNones(c);
  c.emit(op.GET_AWAITABLE, 2);
  c.emitConst(null);
  addYieldFrom(c, true);
  c.emit(op.POP_TOP);
  c.emitJump(JUMP, exit);
  c.useNext(final);
  c.emitJump(SETUP_CLEANUP, cleanup);
  c.emit(op.PUSH_EXC_INFO);
  c.emit(op.WITH_EXCEPT_START);
  c.emit(op.GET_AWAITABLE, 2);
  c.emitConst(null);
  addYieldFrom(c, true);
  withExceptFinish(c, cleanup);
  c.useNext(exit);
}

// ---------------------------------------------------------------- simple statements

function compileAssert(c: CompilerState, s: ast.Assert): void {
  checkAssert(c, s);
  const end = c.u.newBlock();
  jumpIf(c, s.test, end, true);
  c.emit(op.LOAD_ASSERTION_ERROR);
  if (s.msg) {
    visitExpr(c, s.msg);
    c.emit(op.PRECALL, 0);
    c.emit(op.CALL, 0);
  }
  c.emit(op.RAISE_VARARGS, 1);
  c.useNext(end);
}

function compileImport(c: CompilerState, s: ast.Import): void {
  for (const alias of s.names) {
    c.emitConst(0n);
    c.emitConst(null);
    c.emitName(op.IMPORT_NAME, alias.name);
    if (alias.asname) {
      const parts = alias.name.split('.');
      if (parts.length > 1) {
        for (let i = 1; i < parts.length; i++) {
          c.emit(op.IMPORT_FROM, c.u.addName(parts[i]));
          if (i === parts.length - 1) break;
          c.emit(op.SWAP, 2);
          c.emit(op.POP_TOP);
        }
        nameOp(c, alias.asname, 'Store');
        c.emit(op.POP_TOP);
      } else {
        nameOp(c, alias.asname, 'Store');
      }
    } else {
      nameOp(c, alias.name.split('.')[0], 'Store');
    }
  }
}

function compileFromImport(c: CompilerState, s: ast.ImportFrom): void {
  c.emitConst(BigInt(s.level ?? 0));
  if (s.lineno > c.table.future.lineno && s.module === '__future__') {
    throw syntaxErrorAt('from __future__ imports must occur at the beginning of the file', s);
  }
  c.emitConst(new ConstTuple(s.names.map((a) => a.name)));
  c.emitName(op.IMPORT_NAME, s.module ?? '');
  for (let i = 0; i < s.names.length; i++) {
    const alias = s.names[i];
    if (i === 0 && alias.name.startsWith('*')) {
      c.emit(op.IMPORT_STAR);
      return;
    }
    c.emitName(op.IMPORT_FROM, alias.name);
    nameOp(c, alias.asname ?? alias.name, 'Store');
  }
  c.emit(op.POP_TOP);
}

function compileAugAssign(c: CompilerState, s: ast.AugAssign): void {
  const e = s.target;
  const saved = c.u.loc;
  c.setLoc(e);
  switch (e.nodeType) {
    case 'Attribute':
      visitExpr(c, e.value);
      c.emit(op.COPY, 1);
      updateStartLocationToMatchAttr(c, e);
      c.emitName(op.LOAD_ATTR, e.attr);
      break;
    case 'Subscript':
      visitExpr(c, e.value);
      visitExpr(c, e.slice);
      c.emit(op.COPY, 2);
      c.emit(op.COPY, 2);
      c.emit(op.BINARY_SUBSCR);
      break;
    case 'Name':
      nameOp(c, e.id, 'Load');
      break;
    default:
      throw syntaxErrorAt('invalid node type for augmented assignment', e);
  }
  c.u.loc = saved;
  visitExpr(c, s.value);
  c.emit(op.BINARY_OP, binaryOpArg(s.op.nodeType, true));
  c.setLoc(e);
  switch (e.nodeType) {
    case 'Attribute':
      updateStartLocationToMatchAttr(c, e);
      c.emit(op.SWAP, 2);
      c.emitName(op.STORE_ATTR, e.attr);
      break;
    case 'Subscript':
      c.emit(op.SWAP, 3);
      c.emit(op.SWAP, 2);
      c.emit(op.STORE_SUBSCR);
      break;
    case 'Name':
      nameOp(c, e.id, 'Store');
      break;
  }
}

function checkAnnExpr(c: CompilerState, e: AstExpr): void {
  visitExpr(c, e);
  c.emit(op.POP_TOP);
}

function checkAnnSubscr(c: CompilerState, e: AstExpr): void {
  if (e.nodeType === 'Slice') {
    if (e.lower) checkAnnExpr(c, e.lower);
    if (e.upper) checkAnnExpr(c, e.upper);
    if (e.step) checkAnnExpr(c, e.step);
  } else if (e.nodeType === 'Tuple') {
    for (const x of e.elts) checkAnnSubscr(c, x);
  } else {
    checkAnnExpr(c, e);
  }
}

function compileAnnAssign(c: CompilerState, s: ast.AnnAssign): void {
  const targ = s.target;
  if (s.value) {
    visitExpr(c, s.value);
    visitExpr(c, targ);
  }
  const moduleOrClass = c.u.kind === ScopeKind.Module || c.u.kind === ScopeKind.Class;
  switch (targ.nodeType) {
    case 'Name':
      if (s.simple && moduleOrClass) {
        if (c.futureAnnotations) c.emitConst(annotationText(s.annotation));
        else visitExpr(c, s.annotation);
        c.emitName(op.LOAD_NAME, '__annotations__');
        c.emitConst(c.mangle(targ.id));
        c.emit(op.STORE_SUBSCR);
      }
      break;
    case 'Attribute':
      if (!s.value) checkAnnExpr(c, targ.value);
      break;
    case 'Subscript':
      if (!s.value) {
        checkAnnExpr(c, targ.value);
        checkAnnSubscr(c, targ.slice);
      }
      break;
  }
  if (!s.simple && !c.futureAnnotations && moduleOrClass) checkAnnExpr(c, s.annotation);
}
