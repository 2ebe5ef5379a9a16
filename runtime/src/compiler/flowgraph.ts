// CPython 3.11's control-flow-graph passes (compile.c: optimize_cfg and the passes assemble()
// runs around it): block normalisation, copying small exit blocks into jumps to them, the
// peephole optimiser (constant conditions, tuple folding, jump threading, SWAP elimination,
// PUSH_NULL + LOAD_GLOBAL), reachability, NOP removal under line-number rules, duplicating
// line-less exits, line-number propagation. Listings match CPython only because every pass
// visits blocks in the same order CPython's b_list / b_next walks do.

import { isTruthyConstant } from './constFold';
import type { CodeConstant } from './codeObject';
import { ConstTuple } from './codeObject';
import { constKey } from './compilerUnit';
import {
  Block, JUMP, JUMP_NO_INTERRUPT, POP_JUMP_IF_FALSE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE, POP_JUMP_IF_TRUE, hasTarget,
  isJumpOp, isScopeExit,
} from './instructions';
import type { Instr } from './instructions';
import * as op from './opcodes';

const MAX_COPY_SIZE = 4;

export interface FlowGraph {
  entry: Block;
  /** Every block ever created, oldest first (CPython's b_list, reversed). */
  all: Block[];
  newBlock(): Block;
}

/** Blocks newest first, as CPython's b_list walks them. */
function* byList(g: FlowGraph): Generator<Block> {
  for (let i = g.all.length - 1; i >= 0; i--) yield g.all[i];
}

function* byNext(g: FlowGraph): Generator<Block> {
  for (let b: Block | null = g.entry; b; b = b.next) yield b;
}

export function normalizeBasicBlock(b: Block): void {
  for (let i = 0; i < b.instrs.length; i++) {
    const instr = b.instrs[i];
    const code = instr.op;
    if (isScopeExit(code)) {
      b.exit = true;
      b.nofallthrough = true;
    }
    if (code === JUMP || code === JUMP_NO_INTERRUPT) b.nofallthrough = true;
    if (isJumpOp(code)) {
      if (i !== b.instrs.length - 1) throw new Error('compiler: malformed control flow graph');
      while (instr.target!.instrs.length === 0) instr.target = instr.target!.next;
    }
  }
}

export function extendBlock(b: Block): void {
  const last = b.last;
  if (!last) return;
  if (last.op !== JUMP && last.op !== op.JUMP_FORWARD && last.op !== op.JUMP_BACKWARD) return;
  const target = last.target!;
  if (target.exit && target.instrs.length <= MAX_COPY_SIZE) {
    // Only line-less blocks (an implicit `return None`) are copied, so tracing sees no extra lines.
    if (target.instrs.some((i) => i.loc.lineno >= 0)) return;
    last.op = op.NOP;
    for (const i of target.instrs) b.instrs.push({ ...i });
    b.exit = true;
  }
}

export function extendBlocks(g: FlowGraph): void {
  for (const b of byList(g)) extendBlock(b);
}

function jumpThread(inst: Instr, target: Instr, code: number): boolean {
  if (inst.loc.lineno === target.loc.lineno && inst.target !== target.target) {
    inst.target = target.target;
    inst.op = code;
    return true;
  }
  return false;
}

const SWAPPABLE = (code: number) => code === op.STORE_FAST || code === op.POP_TOP;

function nextSwappable(instrs: Instr[], i: number, lineno: number): number {
  while (++i < instrs.length) {
    const ins = instrs[i];
    if (lineno >= 0 && ins.loc.lineno !== lineno) return -1;
    if (ins.op === op.NOP) continue;
    if (SWAPPABLE(ins.op)) return i;
    return -1;
  }
  return -1;
}

function applyStaticSwaps(instrs: Instr[], i: number): void {
  for (; i >= 0; i--) {
    const swap = instrs[i];
    if (swap.op !== op.SWAP) {
      if (swap.op === op.NOP || SWAPPABLE(swap.op)) continue;
      return;
    }
    const j = nextSwappable(instrs, i, -1);
    if (j < 0) return;
    let k = j;
    const lineno = instrs[j].loc.lineno;
    for (let count = swap.arg - 1; count > 0; count--) {
      k = nextSwappable(instrs, k, lineno);
      if (k < 0) return;
    }
    swap.op = op.NOP;
    const temp = instrs[j];
    instrs[j] = instrs[k];
    instrs[k] = temp;
  }
}

/** Replace a run of SWAPs by the fewest SWAPs with the same effect; returns the new index. */
function swaptimize(instrs: Instr[], ix: number): number {
  let depth = instrs[ix].arg;
  let len = 0;
  let more = false;
  const limit = instrs.length - ix;
  while (++len < limit) {
    const code = instrs[ix + len].op;
    if (code === op.SWAP) {
      depth = Math.max(depth, instrs[ix + len].arg);
      more = true;
    } else if (code !== op.NOP) {
      break;
    }
  }
  if (!more) return ix;
  const stack = Array.from({ length: depth }, (_, i) => i);
  for (let i = 0; i < len; i++) {
    const ins = instrs[ix + i];
    if (ins.op === op.SWAP) {
      const top = stack[0];
      stack[0] = stack[ins.arg - 1];
      stack[ins.arg - 1] = top;
    }
  }
  const VISITED = -1;
  let current = len - 1;
  for (let i = 0; i < depth; i++) {
    if (stack[i] === VISITED || stack[i] === i) continue;
    let j = i;
    for (;;) {
      if (j) {
        instrs[ix + current].op = op.SWAP;
        instrs[ix + current].arg = j + 1;
        current--;
      }
      if (stack[j] === VISITED) break;
      const nextJ = stack[j];
      stack[j] = VISITED;
      j = nextJ;
    }
  }
  while (current >= 0) {
    instrs[ix + current].op = op.NOP;
    current--;
  }
  return ix + len - 1;
}

function foldTupleOnConstants(instrs: Instr[], start: number, n: number, consts: CodeConstant[]): void {
  for (let i = 0; i < n; i++) if (instrs[start + i].op !== op.LOAD_CONST) return;
  const items = [];
  for (let i = 0; i < n; i++) items.push(consts[instrs[start + i].arg]);
  const tuple = new ConstTuple(items);
  const key = constKey(tuple);
  let index = consts.findIndex((x) => constKey(x) === key);
  if (index < 0) {
    index = consts.length;
    consts.push(tuple);
  }
  for (let i = 0; i < n; i++) instrs[start + i].op = op.NOP;
  instrs[start + n].op = op.LOAD_CONST;
  instrs[start + n].arg = index;
}

const NOP_INSTR: Instr = { op: op.NOP, arg: 0, target: null, loc: { lineno: -1, end_lineno: -1, col_offset: -1, end_col_offset: -1 } };

export function optimizeBasicBlock(bb: Block, consts: CodeConstant[]): void {
  const instrs = bb.instrs;
  for (let i = 0; i < instrs.length; i++) {
    const inst = instrs[i];
    const oparg = inst.arg;
    const nextop = i + 1 < instrs.length ? instrs[i + 1].op : 0;
    let target: Instr = NOP_INSTR;
    if (hasTarget(inst)) {
      while (inst.target!.instrs.length === 0) inst.target = inst.target!.next;
      target = inst.target!.instrs[0];
    }
    switch (inst.op) {
      case op.LOAD_CONST:
        switch (nextop) {
          case POP_JUMP_IF_FALSE: case POP_JUMP_IF_TRUE: {
            const isTrue = isTruthyConstant(consts[oparg]);
            inst.op = op.NOP;
            const jumpIfTrue = nextop === POP_JUMP_IF_TRUE;
            if (isTrue === jumpIfTrue) {
              instrs[i + 1].op = JUMP;
              bb.nofallthrough = true;
            } else {
              instrs[i + 1].op = op.NOP;
            }
            break;
          }
          case op.JUMP_IF_FALSE_OR_POP: case op.JUMP_IF_TRUE_OR_POP: {
            const isTrue = isTruthyConstant(consts[oparg]);
            const jumpIfTrue = nextop === op.JUMP_IF_TRUE_OR_POP;
            if (isTrue === jumpIfTrue) {
              instrs[i + 1].op = JUMP;
              bb.nofallthrough = true;
            } else {
              inst.op = op.NOP;
              instrs[i + 1].op = op.NOP;
            }
            break;
          }
          case op.IS_OP: {
            const cnt = consts[oparg];
            const jumpOp = i + 2 < instrs.length ? instrs[i + 2].op : 0;
            if (cnt === null && (jumpOp === POP_JUMP_IF_FALSE || jumpOp === POP_JUMP_IF_TRUE)) {
              const nextarg = instrs[i + 1].arg;
              inst.op = op.NOP;
              instrs[i + 1].op = op.NOP;
              instrs[i + 2].op = (nextarg ^ (jumpOp === POP_JUMP_IF_FALSE ? 1 : 0)) ? POP_JUMP_IF_NOT_NONE : POP_JUMP_IF_NONE;
            }
            break;
          }
        }
        break;
      case op.BUILD_TUPLE:
        if (nextop === op.UNPACK_SEQUENCE && oparg === instrs[i + 1].arg) {
          if (oparg === 1) {
            inst.op = op.NOP;
            instrs[i + 1].op = op.NOP;
            continue;
          }
          if (oparg === 2 || oparg === 3) {
            inst.op = op.NOP;
            instrs[i + 1].op = op.SWAP;
            continue;
          }
        }
        if (i >= oparg) foldTupleOnConstants(instrs, i - oparg, oparg, consts);
        break;
      case op.JUMP_IF_FALSE_OR_POP:
        switch (target.op) {
          case POP_JUMP_IF_FALSE:
            if (jumpThread(inst, target, POP_JUMP_IF_FALSE)) i--;
            break;
          case JUMP: case op.JUMP_IF_FALSE_OR_POP:
            if (jumpThread(inst, target, op.JUMP_IF_FALSE_OR_POP)) i--;
            break;
          case op.JUMP_IF_TRUE_OR_POP: case POP_JUMP_IF_TRUE:
            if (inst.target!.next !== null) {
              inst.op = POP_JUMP_IF_FALSE;
              inst.target = inst.target!.next;
              i--;
            }
            break;
        }
        break;
      case op.JUMP_IF_TRUE_OR_POP:
        switch (target.op) {
          case POP_JUMP_IF_TRUE:
            if (jumpThread(inst, target, POP_JUMP_IF_TRUE)) i--;
            break;
          case JUMP: case op.JUMP_IF_TRUE_OR_POP:
            if (jumpThread(inst, target, op.JUMP_IF_TRUE_OR_POP)) i--;
            break;
          case op.JUMP_IF_FALSE_OR_POP: case POP_JUMP_IF_FALSE:
            if (inst.target!.next !== null) {
              inst.op = POP_JUMP_IF_TRUE;
              inst.target = inst.target!.next;
              i--;
            }
            break;
        }
        break;
      case POP_JUMP_IF_NOT_NONE: case POP_JUMP_IF_NONE: case POP_JUMP_IF_FALSE: case POP_JUMP_IF_TRUE: case JUMP:
        if (target.op === JUMP && jumpThread(inst, target, inst.op)) i--;
        break;
      case op.SWAP:
        if (oparg === 1) {
          inst.op = op.NOP;
          break;
        }
        i = swaptimize(instrs, i);
        applyStaticSwaps(instrs, i);
        break;
      case op.PUSH_NULL:
        if (nextop === op.LOAD_GLOBAL && (instrs[i + 1].arg & 1) === 0) {
          inst.op = op.NOP;
          inst.arg = 0;
          instrs[i + 1].arg |= 1;
        }
        break;
    }
  }
}

/** Remove NOPs that carry no line event (clean_basic_block). */
export function cleanBasicBlock(bb: Block): void {
  const out: Instr[] = [];
  let prevLineno = -1;
  const instrs = bb.instrs;
  for (let src = 0; src < instrs.length; src++) {
    const ins = instrs[src];
    const lineno = ins.loc.lineno;
    if (ins.op === op.NOP) {
      if (lineno < 0) continue;
      if (prevLineno === lineno) continue;
      if (src < instrs.length - 1) {
        const nextLineno = instrs[src + 1].loc.lineno;
        // A line-less successor takes the NOP's whole location; one on the same line keeps its own.
        if (nextLineno < 0) {
          instrs[src + 1].loc = ins.loc;
          continue;
        }
        if (nextLineno === lineno) continue;
      } else {
        let next = bb.next;
        while (next && next.instrs.length === 0) next = next.next;
        if (next && lineno === next.instrs[0].loc.lineno) continue;
      }
    }
    out.push(ins);
    prevLineno = lineno;
  }
  bb.instrs = out;
}

function markReachable(g: FlowGraph): void {
  for (const b of g.all) {
    b.predecessors = 0;
    b.visited = false;
  }
  const stack: Block[] = [g.entry];
  g.entry.predecessors = 1;
  while (stack.length) {
    const b = stack.pop()!;
    b.visited = true;
    if (b.next && !b.nofallthrough) {
      if (!b.next.visited) stack.push(b.next);
      b.next.predecessors++;
    }
    for (const ins of b.instrs) {
      if (hasTarget(ins)) {
        const target = ins.target!;
        if (!target.visited) stack.push(target);
        target.predecessors++;
      }
    }
  }
}

export function eliminateEmptyBasicBlocks(entry: Block): void {
  for (let b: Block | null = entry; b; b = b.next) {
    let next: Block | null = b.next;
    if (next) {
      while (next.instrs.length === 0 && next.next) next = next.next;
      b.next = next;
    }
  }
  for (let b: Block | null = entry; b; b = b.next) {
    for (const ins of b.instrs) {
      if (hasTarget(ins)) {
        let target = ins.target!;
        while (target.instrs.length === 0) target = target.next!;
        ins.target = target;
      }
    }
  }
}

export function optimizeCfg(g: FlowGraph, consts: CodeConstant[]): void {
  for (const b of byNext(g)) {
    optimizeBasicBlock(b, consts);
    cleanBasicBlock(b);
  }
  extendBlocks(g);
  markReachable(g);
  for (const b of byNext(g)) if (b.predecessors === 0) b.instrs = [];
  eliminateEmptyBasicBlocks(g.entry);
  for (const b of byNext(g)) cleanBasicBlock(b);
  let maybeEmpty = false;
  for (const b of byNext(g)) {
    const last = b.last;
    if (last && (last.op === JUMP || last.op === JUMP_NO_INTERRUPT) && last.target === b.next) {
      b.nofallthrough = false;
      last.op = op.NOP;
      maybeEmpty = true;
    }
  }
  if (maybeEmpty) eliminateEmptyBasicBlocks(g.entry);
}

function isExitWithoutLineno(b: Block): boolean {
  if (!b.exit) return false;
  return b.instrs.every((i) => i.loc.lineno < 0);
}

export function duplicateExitsWithoutLineno(g: FlowGraph): void {
  for (const b of [...byList(g)]) {
    const last = b.last;
    if (last && isJumpOp(last.op)) {
      const target = last.target!;
      if (isExitWithoutLineno(target) && target.predecessors > 1) {
        const copy = g.newBlock();
        copy.instrs = target.instrs.map((i) => ({ ...i }));
        copy.exit = target.exit;
        copy.nofallthrough = target.nofallthrough;
        copy.instrs[0].loc = last.loc;
        last.target = copy;
        target.predecessors--;
        copy.predecessors = 1;
        copy.next = target.next;
        target.next = copy;
      }
    }
  }
  for (const b of byList(g)) {
    while (b.next && b.next.instrs.length === 0) b.next = b.next.next;
  }
  for (const b of byList(g)) {
    if (!b.nofallthrough && b.next && b.instrs.length > 0 && isExitWithoutLineno(b.next)) {
      b.next.instrs[0].loc = b.last!.loc;
    }
  }
}

export function propagateLineNumbers(g: FlowGraph): void {
  for (const b of byNext(g)) {
    if (!b.instrs.length) continue;
    let prev: Instr | null = null;
    for (const ins of b.instrs) {
      if (ins.loc.lineno < 0) {
        if (prev) ins.loc = prev.loc;
      } else {
        prev = ins;
      }
    }
    if (!b.nofallthrough && b.next!.predecessors === 1) {
      if (b.next!.instrs[0].loc.lineno < 0 && prev) b.next!.instrs[0].loc = prev.loc;
    }
    const last = b.last!;
    if (isJumpOp(last.op)) {
      const target = last.target!;
      if (target.predecessors === 1 && target.instrs[0].loc.lineno < 0 && prev) target.instrs[0].loc = prev.loc;
    }
  }
}

export function guaranteeLinenoForExits(g: FlowGraph, firstlineno: number): void {
  let lineno = firstlineno;
  for (const b of byNext(g)) {
    const last = b.last;
    if (!last) continue;
    if (last.loc.lineno < 0) {
      if (last.op === op.RETURN_VALUE) {
        for (const ins of b.instrs) ins.loc = { ...ins.loc, lineno };
      }
    } else {
      lineno = last.loc.lineno;
    }
  }
}
