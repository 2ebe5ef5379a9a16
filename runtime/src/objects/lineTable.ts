// Decoding CPython 3.11's location table (co_linetable, PEP 626/657): for each code unit its
// (line, end line, column, end column), as `co_positions()` yields them. Cached per code object.

import type { PyCode } from './code';

export interface Position {
  line: number;
  endLine: number;
  col: number;
  endCol: number;
}

function decode(code: PyCode): Int32Array {
  const co = code.co;
  const n = co.co_code.length;
  const out = new Int32Array(n * 4).fill(-1);
  const table = co.co_linetable;
  let i = 0;
  let unit = 0;
  let line = co.co_firstlineno;
  const readVarint = (): number => {
    let b = table[i++];
    let v = b & 63;
    let shift = 0;
    while (b & 64) {
      b = table[i++];
      shift += 6;
      v |= (b & 63) << shift;
    }
    return v;
  };
  const readSvarint = (): number => {
    const v = readVarint();
    return v & 1 ? -(v >> 1) : v >> 1;
  };
  while (i < table.length && unit < n) {
    const first = table[i++];
    const kind = (first >> 3) & 15;
    const length = (first & 7) + 1;
    let l = -1, el = -1, c = -1, ec = -1;
    if (kind === 15) {
      // no location
    } else if (kind === 14) {
      line += readSvarint();
      l = line;
      el = line + readVarint();
      c = readVarint() - 1;
      ec = readVarint() - 1;
    } else if (kind === 13) {
      line += readSvarint();
      l = el = line;
    } else if (kind === 10 || kind === 11 || kind === 12) {
      line += kind - 10;
      l = el = line;
      c = table[i++];
      ec = table[i++];
    } else {
      l = el = line;
      const second = table[i++];
      c = kind * 8 + ((second >> 4) & 7);
      ec = c + (second & 15);
    }
    for (let k = 0; k < length && unit < n; k++, unit++) {
      out[unit * 4] = l;
      out[unit * 4 + 1] = el;
      out[unit * 4 + 2] = c;
      out[unit * 4 + 3] = ec;
    }
  }
  return out;
}

export function positionAt(code: PyCode, unit: number): Position {
  const t = (code.positionsCache ??= decode(code));
  return { line: t[unit * 4], endLine: t[unit * 4 + 1], col: t[unit * 4 + 2], endCol: t[unit * 4 + 3] };
}

/** The line of the instruction at code unit `unit` (frame.f_lineno, tb_lineno). */
export function lineForOffset(code: PyCode, unit: number): number {
  const t = (code.positionsCache ??= decode(code));
  return t[unit * 4];
}
