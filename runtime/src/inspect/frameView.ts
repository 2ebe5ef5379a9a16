// Frame views: what a debugger shows of one activation — where it is (instruction, line, column
// from co_positions), its fast locals, its cells and free variables, its globals and its value
// stack. Read-only: slots are returned borrowed, nothing is increfed.

import type { CodeObject } from '../compiler/codeObject';
import { CO_FAST_CELL, CO_FAST_FREE, CO_FAST_LOCAL } from '../compiler/codeObject';
import { getInstructions, type Instruction } from '../compiler/disassembler';
import { decodeExceptionTable, type ExceptionTableEntry } from '../compiler/exceptionTable';
import type { PyObject } from '../objects/pyobject';
import { PyCell } from '../objects/cell';
import { PyStr } from '../objects/str';
import type { Frame } from '../vm/frame';

export interface NamedSlot {
  name: string;
  value: PyObject | null;
}

export interface FrameLocation {
  code: CodeObject;
  /** Byte offset (dis offset) of the instruction the frame is at. */
  offset: number;
  instruction: Instruction | null;
  line: number | null;
  endLine: number | null;
  /** 0-based UTF-8 column offsets, as co_positions gives them. */
  column: number | null;
  endColumn: number | null;
}

const instructionCache = new WeakMap<CodeObject, Map<number, Instruction>>();

/** The instruction at a byte offset of a code object (dis view), or null. */
export function instructionAt(code: CodeObject, offset: number): Instruction | null {
  let byOffset = instructionCache.get(code);
  if (byOffset === undefined) {
    byOffset = new Map(getInstructions(code).map((i) => [i.offset, i]));
    instructionCache.set(code, byOffset);
  }
  return byOffset.get(offset) ?? null;
}

/**
 * Where a frame is. The innermost frame of a stopped program is *before* the instruction at
 * `ip`; its callers are inside the instruction at `lasti` (the CALL).
 */
export function frameLocation(frame: Frame, innermost: boolean): FrameLocation {
  const code = frame.code.co;
  const offset = (innermost ? frame.ip : frame.lasti) * 2;
  const instruction = instructionAt(code, offset);
  const p = instruction?.positions;
  return {
    code,
    offset,
    instruction,
    line: p?.lineno ?? null,
    endLine: p?.end_lineno ?? null,
    column: p?.col_offset ?? null,
    endColumn: p?.end_col_offset ?? null,
  };
}

/** Fast locals that are plain locals (not cells, not free), in co_varnames order. */
export function frameLocals(frame: Frame): NamedSlot[] {
  const co = frame.code.co;
  const out: NamedSlot[] = [];
  // Module and class bodies keep their names in a mapping (locals() is globals() in a module).
  if (frame.locals !== null) {
    const mapping = frame.locals as unknown as { entries?: () => [PyObject, PyObject][] };
    if (typeof mapping.entries === 'function') {
      for (const [k, v] of mapping.entries()) out.push({ name: k instanceof PyStr ? k.value : '?', value: v });
    }
    return out;
  }
  for (let i = 0; i < co.co_localsplusnames.length; i++) {
    const kind = co.co_localspluskinds[i];
    if ((kind & CO_FAST_LOCAL) && !(kind & (CO_FAST_CELL | CO_FAST_FREE))) out.push({ name: co.co_localsplusnames[i], value: frame.fast[i] });
  }
  return out;
}

export interface CellSlot extends NamedSlot {
  kind: 'cell' | 'free';
  /** The cell object in the slot (null before MAKE_CELL / COPY_FREE_VARS ran). */
  cell: PyCell | null;
}

/** Cell variables (this frame's, shared with inner functions) and free variables (from outer ones). */
export function frameCells(frame: Frame): CellSlot[] {
  const co = frame.code.co;
  const out: CellSlot[] = [];
  for (let i = 0; i < co.co_localsplusnames.length; i++) {
    const kind = co.co_localspluskinds[i];
    if (!(kind & (CO_FAST_CELL | CO_FAST_FREE))) continue;
    const slot = frame.fast[i];
    const cell = slot instanceof PyCell ? slot : null;
    // Before MAKE_CELL an argument that is also a cell variable sits in the slot unboxed.
    out.push({ name: co.co_localsplusnames[i], kind: kind & CO_FAST_FREE ? 'free' : 'cell', cell, value: cell !== null ? cell.contents : slot });
  }
  return out;
}

/** The frame's globals, in insertion order. */
export function frameGlobals(frame: Frame): NamedSlot[] {
  return frame.globals.entries().map(([k, v]) => ({ name: k instanceof PyStr ? k.value : '?', value: v }));
}

/** The value stack, bottom first (the top of stack is last). */
export function frameStack(frame: Frame): (PyObject | null)[] {
  return frame.stack.slice(0, frame.sp);
}

const exceptionTables = new WeakMap<CodeObject, ExceptionTableEntry[]>();

/**
 * The exception table entry covering the instruction at byte offset `offset` (where an exception
 * raised there would go), as dis prints it — `12 to 30 -> 40 [1] lasti` — or null: none, the
 * exception would leave the frame.
 */
export function exceptionTableEntryAt(code: CodeObject, offset: number): string | null {
  let entries = exceptionTables.get(code);
  if (entries === undefined) {
    entries = decodeExceptionTable(code.co_exceptiontable);
    exceptionTables.set(code, entries);
  }
  // `end` is exclusive here; dis prints the last covered instruction's offset.
  const e = entries.find((x) => x.start <= offset && offset < x.end);
  return e === undefined ? null : `${e.start} to ${e.end - 2} -> ${e.target} [${e.depth}]${e.lasti ? ' lasti' : ''}`;
}
