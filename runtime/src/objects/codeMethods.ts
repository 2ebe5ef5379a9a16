// The rest of types.CodeType's Python face (Objects/codeobject.c) beyond the names and counts in
// functionMethods.ts: the raw tables as bytes (co_code with CPython's byte layout, co_linetable,
// co_exceptiontable, co_lnotab) and the co_lines()/co_positions() iterators, all decoded from
// the compiler's CodeObject, so `dis` inside a snippet reads exactly what the VM runs.

import type { PyObject } from './pyobject';
import { PyCode, codeType } from './code';
import { newBytes } from './bytes';
import { newInt } from './int';
import { None } from './none';
import { newTupleSteal } from './tuple';
import { newIterator } from './iterator';
import { defineMethods, defineGetSets } from './define';
import { newRef } from '../memory/heap';
import { decodeLineTable, codePositions } from '../compiler/linetable';

/** co_code: each 16-bit unit as two bytes, opcode then oparg (CPython's _Py_CODEUNIT order). */
export function codeBytes(code: PyCode): Uint8Array {
  const units = code.co.co_code;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    out[2 * i] = units[i] & 255;
    out[2 * i + 1] = units[i] >> 8;
  }
  return out;
}

const intOrNone = (v: number | null): PyObject => (v === null ? newRef(None) : newInt(v));

/** co_lnotab (deprecated, still present in 3.11): (byte delta, line delta) pairs, PEP 626 rules. */
function lnotab(code: PyCode): Uint8Array {
  const bytes: number[] = [];
  let lastOffset = 0;
  let lastLine = code.co.co_firstlineno;
  for (const e of decodeLineTable(code.co.co_linetable, code.co.co_firstlineno)) {
    if (e.start === e.end || e.lineno === null || e.lineno === lastLine) continue;
    let dOff = e.start - lastOffset;
    let dLine = e.lineno - lastLine;
    while (dOff > 255) {
      bytes.push(255, 0);
      dOff -= 255;
    }
    while (dLine > 127) {
      bytes.push(dOff, 127);
      dOff = 0;
      dLine -= 127;
    }
    while (dLine < -128) {
      bytes.push(dOff, 0x80);
      dOff = 0;
      dLine += 128;
    }
    bytes.push(dOff, dLine & 255);
    lastOffset = e.start;
    lastLine = e.lineno;
  }
  return Uint8Array.from(bytes);
}

defineGetSets(codeType, {
  co_code: [(self) => newBytes(codeBytes(self as PyCode))],
  co_linetable: [(self) => newBytes((self as PyCode).co.co_linetable.slice())],
  co_exceptiontable: [(self) => newBytes((self as PyCode).co.co_exceptiontable.slice())],
  co_lnotab: [(self) => newBytes(lnotab(self as PyCode))],
});

defineMethods(codeType, {
  co_lines: (self) => {
    const code = self as PyCode;
    const entries = decodeLineTable(code.co.co_linetable, code.co.co_firstlineno).filter((e) => e.start !== e.end);
    let i = 0;
    return newIterator('line_iterator', self, () => {
      if (i >= entries.length) return null;
      const e = entries[i++];
      return newTupleSteal([newInt(e.start), newInt(e.end), intOrNone(e.lineno)]);
    });
  },
  co_positions: (self) => {
    const code = self as PyCode;
    const positions = codePositions(code.co.co_linetable, code.co.co_firstlineno, code.co.co_code.length);
    let i = 0;
    return newIterator('positions_iterator', self, () => {
      if (i >= positions.length) return null;
      const p = positions[i++];
      return newTupleSteal([intOrNone(p.lineno), intOrNone(p.end_lineno), intOrNone(p.col_offset), intOrNone(p.end_col_offset)]);
    });
  },
});
