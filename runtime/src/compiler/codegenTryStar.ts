// Code generation for `try ... except*` (compile.c's compiler_try_star_except, CPython 3.11).
// Each handler splits the exception group with CHECK_EG_MATCH; exceptions raised inside a
// handler body and the unmatched rest are collected in a list that PREP_RERAISE_STAR turns into
// the group to re-raise (or None). Stack while handling: [orig, results, rest].

import type * as ast from '../syntax/ast';
import type { CompilerState } from './compilerUnit';
import { FBlock } from './compilerUnit';
import { emitJumpNoLine, emitNoLine, nameOp, visitExpr } from './codegenExpr';
import { compileTryFinally, popExceptAndReraise, visitStmts } from './codegenStmt';
import { JUMP, POP_BLOCK, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE, SETUP_CLEANUP, SETUP_FINALLY } from './instructions';
import * as op from './opcodes';

export function compileTryStar(c: CompilerState, s: ast.TryStar, insideFinally = false): void {
  if (s.finalbody.length && !insideFinally) {
    compileTryFinally(c, s);
    return;
  }
  compileTryStarExcept(c, s);
}

function compileTryStarExcept(c: CompilerState, s: ast.TryStar): void {
  const body = c.u.newBlock();
  let except = c.u.newBlock();
  const orelse = c.u.newBlock();
  const end = c.u.newBlock();
  const cleanup = c.u.newBlock();
  const reraiseStar = c.u.newBlock();
  c.emitJump(SETUP_FINALLY, except);
  c.useNext(body);
  c.pushFBlock(FBlock.TryExcept, body, null);
  visitStmts(c, s.body);
  c.popFBlock();
  emitNoLine(c, POP_BLOCK);
  emitJumpNoLine(c, JUMP, orelse);
  const n = s.handlers.length;
  c.useNext(except);
  c.unsetLoc();
  c.emitJump(SETUP_CLEANUP, cleanup);
  c.emit(op.PUSH_EXC_INFO);
  c.pushFBlock(FBlock.ExceptionGroupHandler, null as never, null, 'except handler');
  for (let i = 0; i < n; i++) {
    const handler = s.handlers[i] as ast.ExceptHandler;
    c.setLoc(handler);
    except = c.u.newBlock();
    const exceptWithError = c.u.newBlock();
    const noMatch = c.u.newBlock();
    if (i === 0) {
      c.emit(op.COPY, 1);
      c.emit(op.BUILD_LIST, 0);
      c.emit(op.SWAP, 2);
    }
    if (handler.type) {
      visitExpr(c, handler.type);
      c.emit(op.CHECK_EG_MATCH);
      c.emit(op.COPY, 1);
      c.emitJump(POP_JUMP_IF_NONE, noMatch);
      c.nextBlock();
    }
    const cleanupEnd = c.u.newBlock();
    const cleanupBody = c.u.newBlock();
    if (handler.name) nameOp(c, handler.name, 'Store');
    else c.emit(op.POP_TOP);
    c.emitJump(SETUP_CLEANUP, cleanupEnd);
    c.useNext(cleanupBody);
    c.pushFBlock(FBlock.HandlerCleanup, cleanupBody, null, handler.name);
    visitStmts(c, handler.body);
    c.popFBlock();
    c.unsetLoc();
    c.emit(POP_BLOCK);
    if (handler.name) {
      c.emitConst(null);
      nameOp(c, handler.name, 'Store');
      nameOp(c, handler.name, 'Del');
    }
    c.emitJump(JUMP, except);
    c.useNext(cleanupEnd);
    if (handler.name) {
      c.emitConst(null);
      nameOp(c, handler.name, 'Store');
      nameOp(c, handler.name, 'Del');
    }
    c.emit(op.LIST_APPEND, 3);
    c.emit(op.POP_TOP);
    c.emitJump(JUMP, exceptWithError);
    c.useNext(except);
    c.emit(op.NOP);
    c.emitJump(JUMP, exceptWithError);
    c.useNext(noMatch);
    c.setLoc(handler);
    c.emit(op.POP_TOP);
    c.useNext(exceptWithError);
    if (i === n - 1) {
      c.unsetLoc();
      c.emit(op.LIST_APPEND, 1);
      c.emitJump(JUMP, reraiseStar);
    }
  }
  c.unsetLoc();
  c.popFBlock();
  const reraise = c.u.newBlock();
  c.useNext(reraiseStar);
  c.emit(op.PREP_RERAISE_STAR);
  c.emit(op.COPY, 1);
  c.emitJump(POP_JUMP_IF_NOT_NONE, reraise);
  c.nextBlock();
  c.emit(op.POP_TOP);
  c.emit(POP_BLOCK);
  c.emit(op.POP_EXCEPT);
  c.emitJump(JUMP, end);
  c.useNext(reraise);
  c.emit(POP_BLOCK);
  c.emit(op.SWAP, 2);
  c.emit(op.POP_EXCEPT);
  c.emit(op.RERAISE, 0);
  c.useNext(cleanup);
  popExceptAndReraise(c);
  c.useNext(orelse);
  visitStmts(c, s.orelse);
  c.useNext(end);
}
