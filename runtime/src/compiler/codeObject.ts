// The compiler's product and the VM's input: a code object with CPython 3.11's fields
// (types.CodeType), so that `dis`, the debugger and the VM all read the same thing CPython has.
// Invariants: co_code holds 16-bit code units (opcode, oparg) with the inline CACHE entries in
// place, exactly as CPython lays them out, so offsets (2 bytes per unit) match `dis`; the
// "localsplus" array (locals, then cells that are not arguments, then free variables) is what
// LOAD_FAST/LOAD_DEREF/MAKE_CELL/LOAD_CLOSURE opargs index in 3.11.

import type { ConstantValue } from '../syntax/constants';
import type { CompileWarning } from './compileWarnings';

/** A tuple constant made by the compiler (constant folding, default-argument tuples, kwnames). */
export class ConstTuple {
  constructor(readonly items: readonly CodeConstant[]) {}
}

/** A frozenset constant (`x in {1, 2}` is compiled with one). Items keep the compiler's order; the VM builds the real set. */
export class ConstFrozenset {
  constructor(readonly items: readonly CodeConstant[]) {}
}

export type CodeConstant = ConstantValue | CodeObject | ConstTuple | ConstFrozenset;

/** Kinds of a localsplus slot (CPython's CO_FAST_LOCAL/CELL/FREE bits). */
export const CO_FAST_LOCAL = 0x20;
export const CO_FAST_CELL = 0x40;
export const CO_FAST_FREE = 0x80;

export interface CodeObject {
  co_argcount: number;
  co_posonlyargcount: number;
  co_kwonlyargcount: number;
  co_stacksize: number;
  co_flags: number;
  /** Code units as little-endian 16-bit words: low byte opcode, high byte oparg (so `dis` offsets are 2 × index). */
  co_code: Uint16Array;
  co_consts: CodeConstant[];
  co_names: string[];
  /** All local slots in order; co_varnames/co_cellvars/co_freevars are views of it by kind. */
  co_localsplusnames: string[];
  co_localspluskinds: Uint8Array;
  co_varnames: string[];
  co_cellvars: string[];
  co_freevars: string[];
  co_nlocals: number;
  co_filename: string;
  co_name: string;
  co_qualname: string;
  co_firstlineno: number;
  /** CPython 3.11's location table (PEP 626/657 format), from which co_lines/co_positions are decoded. */
  co_linetable: Uint8Array;
  /** CPython 3.11's exception table (varint-encoded start, length, target, depth/lasti entries). */
  co_exceptiontable: Uint8Array;
  /**
   * Not CPython's: on a module's code object, the SyntaxWarnings compiling it raised (CPython
   * reports them from inside compile()); whoever runs or compile()s it emits them.
   */
  compileWarnings?: CompileWarning[];
}
