// The compiler's intermediate form: basic blocks of instructions with source locations, exactly
// the shape of CPython 3.11's compile.c (struct instr / basicblock). Jumps point at blocks; the
// pseudo-instructions (SETUP_*, POP_BLOCK, direction-less JUMP / POP_JUMP_IF_*) exist only here
// and are resolved by the assembler into real 3.11 opcodes.

import * as op from './opcodes';

/** Pseudo-opcodes, numbered above the real ones so they can never be emitted by accident. */
export const SETUP_FINALLY = 256;
export const SETUP_CLEANUP = 257;
export const SETUP_WITH = 258;
export const POP_BLOCK = 259;
export const JUMP = 260;
export const JUMP_NO_INTERRUPT = 261;
export const POP_JUMP_IF_FALSE = 262;
export const POP_JUMP_IF_TRUE = 263;
export const POP_JUMP_IF_NONE = 264;
export const POP_JUMP_IF_NOT_NONE = 265;

export const PSEUDO_NAMES: Record<number, string> = {
  256: 'SETUP_FINALLY', 257: 'SETUP_CLEANUP', 258: 'SETUP_WITH', 259: 'POP_BLOCK', 260: 'JUMP',
  261: 'JUMP_NO_INTERRUPT', 262: 'POP_JUMP_IF_FALSE', 263: 'POP_JUMP_IF_TRUE', 264: 'POP_JUMP_IF_NONE',
  265: 'POP_JUMP_IF_NOT_NONE',
};

/** A source range; lineno -1 means "no location" (CPython's NO_LOCATION / UNSET_LOC). */
export interface Loc {
  lineno: number;
  end_lineno: number;
  col_offset: number;
  end_col_offset: number;
}

export const NO_LOC: Loc = { lineno: -1, end_lineno: -1, col_offset: -1, end_col_offset: -1 };

export function sameLoc(a: Loc, b: Loc): boolean {
  return a.lineno === b.lineno && a.end_lineno === b.end_lineno && a.col_offset === b.col_offset && a.end_col_offset === b.end_col_offset;
}

export interface Instr {
  op: number;
  arg: number;
  target: Block | null;
  loc: Loc;
}

let nextBlockId = 0;

export class Block {
  readonly id = nextBlockId++;
  instrs: Instr[] = [];
  /** Next block in layout order (b_next). */
  next: Block | null = null;
  /** Set when the block ends with an unconditional transfer. */
  nofallthrough = false;
  exit = false;
  predecessors = 0;
  visited = false;
  startDepth = -2147483648;
  exceptHandler = false;
  preserveLasti = false;
  /** Exception handler in effect at the start of this block (label_exception_targets). */
  exceptStack: Block[] | null = null;
  offset = 0;

  get last(): Instr | undefined {
    return this.instrs[this.instrs.length - 1];
  }
}

export function hasTarget(i: Instr): boolean {
  return isJumpOp(i.op) || isBlockPush(i.op);
}

export function isBlockPush(code: number): boolean {
  return code === SETUP_FINALLY || code === SETUP_CLEANUP || code === SETUP_WITH;
}

export function isJumpOp(code: number): boolean {
  return (code >= JUMP && code <= POP_JUMP_IF_NOT_NONE) || op.HAS_JREL.has(code) || op.HAS_JABS.has(code);
}

export function isUnconditionalJump(code: number): boolean {
  return code === JUMP || code === JUMP_NO_INTERRUPT || code === op.JUMP_FORWARD || code === op.JUMP_BACKWARD || code === op.JUMP_BACKWARD_NO_INTERRUPT;
}

export function isScopeExit(code: number): boolean {
  return code === op.RETURN_VALUE || code === op.RAISE_VARARGS || code === op.RERAISE;
}

/** The instruction ends its block's straight-line flow (nothing after it runs by fallthrough). */
export function endsFlow(code: number): boolean {
  return isScopeExit(code) || isUnconditionalJump(code);
}

/** Stack effect including pseudo-instructions (compile.c's stack_effect). */
export function instrStackEffect(code: number, arg: number, jump: boolean): number {
  switch (code) {
    case SETUP_FINALLY: return jump ? 1 : 0;
    case SETUP_CLEANUP: return jump ? 2 : 0;
    case SETUP_WITH: return jump ? 1 : 0;
    case POP_BLOCK: case JUMP: case JUMP_NO_INTERRUPT: return 0;
    case POP_JUMP_IF_FALSE: case POP_JUMP_IF_TRUE: case POP_JUMP_IF_NONE: case POP_JUMP_IF_NOT_NONE: return -1;
  }
  return op.stackEffect(code, arg, jump);
}

/** Code units an instruction takes once assembled: EXTENDED_ARG prefixes plus the inline caches. */
export function instrSize(i: Instr): number {
  const a = i.op >= op.HAVE_ARGUMENT ? i.arg : 0;
  const ext = a > 0xffffff ? 3 : a > 0xffff ? 2 : a > 0xff ? 1 : 0;
  return ext + 1 + op.INLINE_CACHE_ENTRIES[i.op];
}
