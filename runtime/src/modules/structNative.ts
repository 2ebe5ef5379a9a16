// _struct_floats: IEEE 754 packing for runtime/lib/struct.py — binary16/32/64 to and from bytes
// with CPython's rounding (round-half-even; values too large for the format raise
// OverflowError "float too large to pack with e/f format", as _struct does).

import { newBytes, PyBytes } from '../objects/bytes';
import { newFloat } from '../objects/float';
import { newException, TypeError, OverflowError } from '../objects/exceptions';
import * as A from '../objects/abstract';
import { nativeModule, expectArgs, floatArg } from './nativeModule';
import type { Interpreter } from '../vm/interpreter';

function toHalf(x: number): number {
  // binary16 with round-half-even, from the float64 value.
  if (Number.isNaN(x)) return 0x7e00;
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  let a = Math.abs(x);
  if (a === Infinity) return sign | 0x7c00;
  if (a === 0) return sign;
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  if (2 ** (e + 1) <= a) e++;
  if (e < -14) {
    // subnormal: units of 2^-24
    const m = roundHalfEven(a / 2 ** -24);
    return sign | m; // m may reach 0x400, which is the smallest normal: still the right bits
  }
  let m = roundHalfEven((a / 2 ** e - 1) * 1024);
  if (m === 1024) {
    m = 0;
    e++;
  }
  if (e > 15) throw newException(OverflowError, 'float too large to pack with e format');
  a = 0;
  return sign | ((e + 15) << 10) | m;
}

function fromHalf(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 31) return m ? NaN : sign * Infinity;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}

function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

export function makeStructNative(_interp: Interpreter) {
  const m = nativeModule('_struct_floats');
  // pack(value, size, little, strict) -> bytes; strict (standard modes, and 'e'): a value too
  // large for binary32 raises instead of becoming inf, as _struct's pack_float does.
  m.def('pack', (_s, args, kw) => {
    expectArgs('pack', args, kw, 4);
    const x = floatArg(args[0]);
    const size = A.indexNumber(args[1]);
    const little = A.isTrue(args[2]);
    const strict = A.isTrue(args[3]);
    const out = new Uint8Array(size);
    const view = new DataView(out.buffer);
    if (size === 8) view.setFloat64(0, x, little);
    else if (size === 4) {
      if (strict && Number.isFinite(x) && Math.abs(x) > 3.4028235677973366e38) throw newException(OverflowError, 'float too large to pack with f format');
      view.setFloat32(0, x, little);
    } else view.setUint16(0, toHalf(x), little);
    return newBytes(out);
  });
  // unpack(data, little) -> float (the size is len(data))
  m.def('unpack', (_s, args, kw) => {
    expectArgs('unpack', args, kw, 2);
    const data = args[0];
    if (!(data instanceof PyBytes)) throw newException(TypeError, 'a bytes-like object is required');
    const little = A.isTrue(args[1]);
    const view = new DataView(data.data.buffer, data.data.byteOffset, data.data.length);
    const n = data.data.length;
    return newFloat(n === 8 ? view.getFloat64(0, little) : n === 4 ? view.getFloat32(0, little) : fromHalf(view.getUint16(0, little)));
  });
  return m.module;
}
