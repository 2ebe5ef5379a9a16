// The assembler (compile.c's assemble()): finishes a CompilerUnit's flow graph and lays it out
// as a CodeObject. Order of passes is CPython 3.11's: implicit `return None`, block
// normalisation, exit-block copying, prefix instructions (COPY_FREE_VARS, MAKE_CELL,
// RETURN_GENERATOR), cell offsets, the CFG optimiser, line-less exit duplication, constant
// trimming, line propagation, stack depth, exception-target labelling, pseudo-instruction
// removal, jump direction, jump offsets with EXTENDED_ARG, then code units, the location table
// and the exception table.

import { CO_FAST_CELL, CO_FAST_FREE, CO_FAST_LOCAL } from './codeObject';
import type { CodeObject } from './codeObject';
import type { CompilerState } from './compilerUnit';
import { ScopeKind } from './compilerUnit';
import { ExceptionTableWriter } from './exceptionTable';
import {
  cleanBasicBlock, duplicateExitsWithoutLineno, extendBlocks, guaranteeLinenoForExits, normalizeBasicBlock, optimizeCfg,
  propagateLineNumbers,
} from './flowgraph';
import type { FlowGraph } from './flowgraph';
import {
  Block, JUMP, JUMP_NO_INTERRUPT, NO_LOC, POP_BLOCK, POP_JUMP_IF_FALSE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE,
  POP_JUMP_IF_TRUE, SETUP_CLEANUP, SETUP_WITH, hasTarget, instrSize, instrStackEffect, isBlockPush, isJumpOp,
} from './instructions';
import type { Instr } from './instructions';
import { LineTableWriter } from './linetable';
import * as op from './opcodes';

export const CO_OPTIMIZED = 0x1;
export const CO_NEWLOCALS = 0x2;
export const CO_VARARGS = 0x4;
export const CO_VARKEYWORDS = 0x8;
export const CO_NESTED = 0x10;
export const CO_GENERATOR = 0x20;
export const CO_COROUTINE = 0x80;
export const CO_ASYNC_GENERATOR = 0x200;
export const CO_FUTURE_BARRY_AS_BDFL = 0x400000;
export const CO_FUTURE_ANNOTATIONS = 0x1000000;

function computeCodeFlags(c: CompilerState): number {
  const s = c.u.scope;
  let flags = 0;
  if (s.type === 'function') {
    flags |= CO_NEWLOCALS | CO_OPTIMIZED;
    if (s.nested) flags |= CO_NESTED;
    if (s.generator && !s.coroutine) flags |= CO_GENERATOR;
    if (!s.generator && s.coroutine) flags |= CO_COROUTINE;
    if (s.generator && s.coroutine) flags |= CO_ASYNC_GENERATOR;
    if (s.hasVarargs) flags |= CO_VARARGS;
    if (s.hasVarkeywords) flags |= CO_VARKEYWORDS;
  }
  return flags | c.futureFlags;
}

function endsWithReturn(b: Block): boolean {
  return b.instrs.some((i) => i.op === op.RETURN_VALUE);
}

function insertPrefixInstructions(c: CompilerState, entry: Block, fixed: number[], flags: number): void {
  const u = c.u;
  const noLoc = (code: number, arg = 0): Instr => ({ op: code, arg, target: null, loc: NO_LOC });
  const prefix: Instr[] = [];
  if (u.freevars.length) prefix.push(noLoc(op.COPY_FREE_VARS, u.freevars.length));
  const ncells = u.cellvars.length;
  if (ncells) {
    const order = [...Array(ncells).keys()].sort((a, b) => fixed[a] - fixed[b]);
    for (const i of order) prefix.push(noLoc(op.MAKE_CELL, i));
  }
  if (flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
    prefix.push({ op: op.RETURN_GENERATOR, arg: 0, target: null, loc: { lineno: u.firstlineno, end_lineno: u.firstlineno, col_offset: -1, end_col_offset: -1 } });
    prefix.push(noLoc(op.POP_TOP));
  }
  entry.instrs.unshift(...prefix);
}

const DEREF_OPS = new Set([op.MAKE_CELL, op.LOAD_CLOSURE, op.LOAD_DEREF, op.STORE_DEREF, op.DELETE_DEREF, op.LOAD_CLASSDEREF]);

function stackDepth(entry: Block, all: Block[], startsWithOne: boolean): number {
  for (const b of all) b.startDepth = -2147483648;
  let maxDepth = 0;
  const stack: Block[] = [];
  const push = (b: Block, depth: number) => {
    if (b.startDepth < depth && b.startDepth < 100) {
      b.startDepth = depth;
      stack.push(b);
    }
  };
  push(entry, startsWithOne ? 1 : 0);
  while (stack.length) {
    const b = stack.pop()!;
    let depth = b.startDepth;
    let next = b.next;
    for (const ins of b.instrs) {
      const effect = instrStackEffect(ins.op, ins.arg, false);
      const newDepth = depth + effect;
      if (newDepth > maxDepth) maxDepth = newDepth;
      if (hasTarget(ins)) {
        const targetDepth = depth + instrStackEffect(ins.op, ins.arg, true);
        if (targetDepth > maxDepth) maxDepth = targetDepth;
        push(ins.target!, targetDepth);
      }
      depth = newDepth;
      if (ins.op === JUMP_NO_INTERRUPT || ins.op === JUMP || ins.op === op.RETURN_VALUE || ins.op === op.RAISE_VARARGS || ins.op === op.RERAISE) {
        next = null;
        break;
      }
    }
    if (next) push(next, depth);
  }
  return maxDepth;
}

type ExceptInfo = Map<Instr, Block | null>;

function labelExceptionTargets(entry: Block): ExceptInfo {
  const handlers: ExceptInfo = new Map();
  for (let b: Block | null = entry; b; b = b.next) b.visited = false;
  const todo: Block[] = [entry];
  entry.visited = true;
  entry.exceptStack = [];
  while (todo.length) {
    const b = todo.pop()!;
    let stack = b.exceptStack;
    b.exceptStack = null;
    let handler: Block | null = stack!.length ? stack![stack!.length - 1] : null;
    for (let i = 0; i < b.instrs.length; i++) {
      const ins = b.instrs[i];
      if (isBlockPush(ins.op)) {
        if (!ins.target!.visited) {
          ins.target!.exceptStack = [...stack!];
          ins.target!.visited = true;
          todo.push(ins.target!);
        }
        if (ins.op === SETUP_WITH || ins.op === SETUP_CLEANUP) ins.target!.preserveLasti = true;
        stack!.push(ins.target!);
        handler = ins.target!;
      } else if (ins.op === POP_BLOCK) {
        stack!.pop();
        handler = stack!.length ? stack![stack!.length - 1] : null;
      } else if (isJumpOp(ins.op)) {
        handlers.set(ins, handler);
        if (!ins.target!.visited) {
          if (!b.nofallthrough) {
            ins.target!.exceptStack = [...stack!];
          } else {
            ins.target!.exceptStack = stack;
            stack = null;
          }
          ins.target!.visited = true;
          todo.push(ins.target!);
        }
      } else {
        handlers.set(ins, handler);
      }
    }
    if (!b.nofallthrough && !b.next!.visited) {
      b.next!.exceptStack = stack;
      b.next!.visited = true;
      todo.push(b.next!);
    }
  }
  return handlers;
}

function normalizeJumps(entry: Block): void {
  for (let b: Block | null = entry; b; b = b.next) b.visited = false;
  for (let b: Block | null = entry; b; b = b.next) {
    b.visited = true;
    const last = b.last;
    if (!last || !isJumpOp(last.op)) continue;
    const forward = !last.target!.visited;
    switch (last.op) {
      case JUMP: last.op = forward ? op.JUMP_FORWARD : op.JUMP_BACKWARD; break;
      case JUMP_NO_INTERRUPT: last.op = forward ? op.JUMP_FORWARD : op.JUMP_BACKWARD_NO_INTERRUPT; break;
      case POP_JUMP_IF_NOT_NONE: last.op = forward ? op.POP_JUMP_FORWARD_IF_NOT_NONE : op.POP_JUMP_BACKWARD_IF_NOT_NONE; break;
      case POP_JUMP_IF_NONE: last.op = forward ? op.POP_JUMP_FORWARD_IF_NONE : op.POP_JUMP_BACKWARD_IF_NONE; break;
      case POP_JUMP_IF_FALSE: last.op = forward ? op.POP_JUMP_FORWARD_IF_FALSE : op.POP_JUMP_BACKWARD_IF_FALSE; break;
      case POP_JUMP_IF_TRUE: last.op = forward ? op.POP_JUMP_FORWARD_IF_TRUE : op.POP_JUMP_BACKWARD_IF_TRUE; break;
    }
  }
}

function assembleJumpOffsets(entry: Block, all: Block[]): void {
  for (;;) {
    let total = 0;
    for (let b: Block | null = entry; b; b = b.next) {
      b.offset = total;
      for (const ins of b.instrs) total += instrSize(ins);
    }
    let recompile = false;
    for (let k = all.length - 1; k >= 0; k--) {
      const b = all[k];
      let bsize = b.offset;
      for (const ins of b.instrs) {
        const isize = instrSize(ins);
        bsize += isize;
        if (isJumpOp(ins.op)) {
          const target = ins.target!.offset;
          ins.arg = target < bsize ? bsize - target : target - bsize;
          if (instrSize(ins) !== isize) recompile = true;
        }
      }
    }
    if (!recompile) return;
  }
}

export function assemble(c: CompilerState, addNone: boolean): CodeObject {
  const u = c.u;
  if (!endsWithReturn(u.current)) {
    c.unsetLoc();
    if (addNone) c.emitConst(null);
    c.emit(op.RETURN_VALUE);
  }
  for (let k = u.blocks.length - 1; k >= 0; k--) normalizeBasicBlock(u.blocks[k]);
  const graph: FlowGraph = { entry: u.entry, all: u.blocks, newBlock: () => u.newBlock() };
  extendBlocks(graph);

  const nlocals = u.varnames.length;
  const ncells = u.cellvars.length;
  const nfrees = u.freevars.length;
  // Where each cell / free variable lives in localsplus (argument cells share the argument's slot).
  const fixed: number[] = [];
  for (let i = 0; i < ncells + nfrees; i++) fixed.push(nlocals + i);
  for (let i = 0; i < ncells; i++) {
    const argIndex = u.varnameIndexOf(u.cellvars[i]);
    if (argIndex !== undefined) fixed[i] = argIndex;
  }
  const flags = computeCodeFlags(c);
  insertPrefixInstructions(c, u.entry, fixed, flags);
  let dropped = 0;
  for (let i = 0; i < ncells + nfrees; i++) {
    if (fixed[i] === i + nlocals) fixed[i] -= dropped;
    else dropped++;
  }
  for (const b of u.blocks) for (const ins of b.instrs) if (DEREF_OPS.has(ins.op)) ins.arg = fixed[ins.arg];

  const consts = u.consts;
  optimizeCfg(graph, consts);
  duplicateExitsWithoutLineno(graph);
  // trim_unused_consts: drop trailing constants nothing loads (the first is kept: it may be the docstring).
  let maxConst = 0;
  for (let b: Block | null = u.entry; b; b = b.next) {
    for (const ins of b.instrs) if ((ins.op === op.LOAD_CONST || ins.op === op.KW_NAMES) && ins.arg > maxConst) maxConst = ins.arg;
  }
  if (maxConst + 1 < consts.length) consts.length = maxConst + 1;
  propagateLineNumbers(graph);
  guaranteeLinenoForExits(graph, u.firstlineno);
  const maxDepth = stackDepth(u.entry, u.blocks, u.scope.generator || u.scope.coroutine);
  const handlers = labelExceptionTargets(u.entry);
  for (let b: Block | null = u.entry; b; b = b.next) {
    for (const ins of b.instrs) if (isBlockPush(ins.op) || ins.op === POP_BLOCK) ins.op = op.NOP;
  }
  for (let b: Block | null = u.entry; b; b = b.next) cleanBasicBlock(b);
  normalizeJumps(u.entry);
  assembleJumpOffsets(u.entry, u.blocks);

  // Code units.
  const units: number[] = [];
  for (let b: Block | null = u.entry; b; b = b.next) {
    for (const ins of b.instrs) {
      // Opcodes without an argument are written with oparg 0, whatever the instruction carried.
      const a = ins.op >= op.HAVE_ARGUMENT ? ins.arg : 0;
      if (a > 0xffffff) units.push(op.EXTENDED_ARG | (((a >>> 24) & 0xff) << 8));
      if (a > 0xffff) units.push(op.EXTENDED_ARG | (((a >>> 16) & 0xff) << 8));
      if (a > 0xff) units.push(op.EXTENDED_ARG | (((a >>> 8) & 0xff) << 8));
      units.push(ins.op | ((a & 0xff) << 8));
      for (let k = 0; k < op.INLINE_CACHE_ENTRIES[ins.op]; k++) units.push(0);
    }
  }

  // Location table: 3.11 writes one entry (or more, 8 units each) per instruction, never merging.
  const lines = new LineTableWriter(u.firstlineno);
  for (let b: Block | null = u.entry; b; b = b.next) {
    for (const ins of b.instrs) {
      lines.add(instrSize(ins), ins.loc.lineno, ins.loc.end_lineno, ins.loc.col_offset, ins.loc.end_col_offset);
    }
  }

  // Exception table.
  const table = new ExceptionTableWriter();
  let handler: Block | null = null;
  let start = -1;
  let ioffset = 0;
  const emitEntry = (end: number, h: Block) => {
    let depth = h.startDepth - 1;
    if (h.preserveLasti) depth -= 1;
    table.add(start, end, h.offset, depth, h.preserveLasti);
  };
  for (let b: Block | null = u.entry; b; b = b.next) {
    ioffset = b.offset;
    for (const ins of b.instrs) {
      const h = handlers.get(ins) ?? null;
      if (h !== handler) {
        if (handler) emitEntry(ioffset, handler);
        start = ioffset;
        handler = h;
      }
      ioffset += instrSize(ins);
    }
  }
  if (handler) emitEntry(ioffset, handler);

  // localsplus: locals, then cells that are not arguments, then free variables.
  const names: string[] = [...u.varnames];
  const kinds: number[] = u.varnames.map(() => CO_FAST_LOCAL);
  for (const cell of u.cellvars) {
    const argIndex = u.varnameIndexOf(cell);
    if (argIndex !== undefined) {
      kinds[argIndex] |= CO_FAST_CELL;
    } else {
      names.push(cell);
      kinds.push(CO_FAST_CELL);
    }
  }
  for (const free of u.freevars) {
    names.push(free);
    kinds.push(CO_FAST_FREE);
  }
  return {
    co_argcount: u.argcount + u.posonlyargcount,
    co_posonlyargcount: u.posonlyargcount,
    co_kwonlyargcount: u.kwonlyargcount,
    co_stacksize: maxDepth,
    co_flags: flags,
    co_code: Uint16Array.from(units),
    co_consts: consts,
    co_names: u.names,
    co_localsplusnames: names,
    co_localspluskinds: Uint8Array.from(kinds),
    co_varnames: names.filter((_, i) => kinds[i] & CO_FAST_LOCAL),
    co_cellvars: names.filter((_, i) => kinds[i] & CO_FAST_CELL),
    co_freevars: names.filter((_, i) => kinds[i] & CO_FAST_FREE),
    co_nlocals: u.varnames.length,
    co_filename: c.filename,
    co_name: u.name,
    co_qualname: u.kind === ScopeKind.Module ? u.name : u.qualname,
    co_firstlineno: u.firstlineno,
    co_linetable: lines.finish(),
    co_exceptiontable: table.finish(),
  };
}
