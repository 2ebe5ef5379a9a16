// code: the runtime face of a compiled CodeObject (Objects/codeobject.c). Wraps the compiler's
// CodeObject with what the VM needs ready-made: constants as Python objects, names as interned
// strs, the localsplus layout, and the decoded exception table. One PyCode per CodeObject
// (cached), so constants keep their identity across calls, as in CPython.

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track, immortalize } from '../memory/heap';
import type { CodeObject } from '../compiler/codeObject';

export const codeType: PyType = makeStaticType('code', undefined, { basicsize: 200, isBaseType: false });

export interface ExceptionTableEntry {
  start: number; // code unit index, inclusive
  end: number; // exclusive
  target: number;
  depth: number;
  lasti: boolean;
}

export class PyCode extends PyObject {
  consts: PyObject[] = [];
  names: PyObject[] = [];
  /** Names as JS strings (LOAD_GLOBAL/LOAD_ATTR read them without unboxing). */
  nameStrings: string[];
  nlocalsplus: number;
  exceptionTable: ExceptionTableEntry[];
  /** Per code unit: [line, endLine, col, endCol] decoded lazily from co_linetable. */
  positionsCache: Int32Array | null = null;
  /** The docstring constant (first constant of a function with one), or null. */
  docstring: PyObject | null = null;
  private kwnamesCache: Map<number, string[]> | null = null;
  /** Finished frames of this code kept for reuse by the VM (vm/frame.ts owns and types them). */
  freeFrames: unknown[] | null = null;
  readonly isGenerator: boolean;
  readonly isCoroutine: boolean;
  constructor(readonly co: CodeObject) {
    super(codeType);
    this.nameStrings = co.co_names;
    this.nlocalsplus = co.co_localsplusnames.length;
    this.exceptionTable = parseExceptionTable(co.co_exceptiontable);
    this.isGenerator = (co.co_flags & 0x20) !== 0;
    this.isCoroutine = (co.co_flags & (0x80 | 0x200)) !== 0;
  }
}

export interface PyCode {
  kwnames(index: number): string[];
}
PyCode.prototype.kwnames = function kwnames(this: PyCode, index: number): string[] {
  const self = this as unknown as { kwnamesCache: Map<number, string[]> | null };
  const cache = (self.kwnamesCache ??= new Map());
  let names = cache.get(index);
  if (names === undefined) {
    const t = this.consts[index] as unknown as { items: { value: string }[] };
    names = t.items.map((x) => x.value);
    cache.set(index, names);
  }
  return names;
};

export const CO_OPTIMIZED = 0x1;
export const CO_NEWLOCALS = 0x2;
export const CO_VARARGS = 0x4;
export const CO_VARKEYWORDS = 0x8;
export const CO_GENERATOR = 0x20;
export const CO_COROUTINE = 0x80;
export const CO_ASYNC_GENERATOR = 0x200;

/** 3.11's exception table: varint entries (start, length, target, depth<<1|lasti), in code units. */
export function parseExceptionTable(table: Uint8Array): ExceptionTableEntry[] {
  const out: ExceptionTableEntry[] = [];
  let i = 0;
  const readVarint = (): number => {
    let b = table[i++];
    let v = b & 63;
    while (b & 64) {
      b = table[i++];
      v = (v << 6) | (b & 63);
    }
    return v;
  };
  while (i < table.length) {
    const start = readVarint();
    const length = readVarint();
    const target = readVarint();
    const dl = readVarint();
    out.push({ start, end: start + length, target, depth: dl >> 1, lasti: (dl & 1) !== 0 });
  }
  return out;
}

const codeCache = new WeakMap<CodeObject, PyCode>();

/** Filled by the VM's constant loader (it needs every scalar type; avoids a load-time cycle). */
export const codeSupport = {
  makeConsts: null as unknown as (code: PyCode) => void,
};

export function codeFor(co: CodeObject): PyCode {
  let c = codeCache.get(co);
  if (c === undefined) {
    c = immortalize(track(new PyCode(co), 200));
    codeCache.set(co, c);
    codeSupport.makeConsts(c);
  }
  return c;
}
