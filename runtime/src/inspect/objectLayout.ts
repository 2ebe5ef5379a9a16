// An object's simulated memory: the bytes CPython 3.11 (64-bit, little-endian) would have at its
// address, so a hex view of `id(x)` shows a real PyObject header — ob_refcnt, ob_type (the type
// object's address), then the type's own fields (Include/cpython/*.h):
//   int/bool  ob_size (signed digit count), ob_digit[] (30-bit digits in 32-bit words)
//   float     ob_fval (IEEE double)
//   tuple     ob_size, ob_item[] (item addresses)
//   list      ob_size, ob_item (pointer to the item array), allocated
//   str       length, hash, state bitfield (interned, kind, compact, ascii, ready), wstr,
//             [utf8_length, utf8, wstr_length for non-ASCII], then the characters and a NUL
//   bytes     ob_size, ob_shash, ob_sval[] + NUL
//   cell      ob_ref;  other objects: the header, then zeros up to the object's size.
// Read from fields only: nothing here changes a refcount or allocates a Python object.

import type { PyObject } from '../objects/pyobject';
import { PyInt } from '../objects/int';
import { PyFloat } from '../objects/float';
import { PyStr } from '../objects/str';
import { PyBytes } from '../objects/bytes';
import { PyTuple } from '../objects/tuple';
import { PyList } from '../objects/list';
import { PyCell } from '../objects/cell';

const PY_SSIZE_MASK = (1n << 64n) - 1n;

class LayoutWriter {
  private readonly bytes: number[] = [];
  u64(v: number | bigint): void {
    let x = BigInt(v) & PY_SSIZE_MASK;
    for (let i = 0; i < 8; i++) {
      this.bytes.push(Number(x & 0xffn));
      x >>= 8n;
    }
  }
  u32(v: number): void {
    for (let i = 0; i < 4; i++) this.bytes.push((v >>> (8 * i)) & 0xff);
  }
  f64(v: number): void {
    const buf = new DataView(new ArrayBuffer(8));
    buf.setFloat64(0, v, true);
    for (let i = 0; i < 8; i++) this.bytes.push(buf.getUint8(i));
  }
  raw(data: Iterable<number>): void {
    for (const b of data) this.bytes.push(b & 0xff);
  }
  pointer(o: PyObject | null | undefined): void {
    this.u64(o == null ? 0 : o.ob_addr);
  }
  get length(): number {
    return this.bytes.length;
  }
  finish(minLength: number): Uint8Array {
    while (this.bytes.length < minLength) this.bytes.push(0);
    return Uint8Array.from(this.bytes);
  }
}

/** 30-bit digits of |v|, least significant first (CPython's PyLong layout); none for 0. */
function longDigits(v: number | bigint): number[] {
  let x = BigInt(v);
  if (x < 0n) x = -x;
  const digits: number[] = [];
  while (x > 0n) {
    digits.push(Number(x & 0x3fffffffn));
    x >>= 30n;
  }
  return digits;
}

/** The bytes at id(o) .. id(o) + size, as CPython lays the object out. */
export function objectBytes(o: PyObject): Uint8Array {
  const w = new LayoutWriter();
  w.u64(o.ob_refcnt);
  w.pointer(o.ob_type);
  if (o instanceof PyInt) {
    const digits = longDigits(o.value);
    const negative = typeof o.value === 'bigint' ? o.value < 0n : o.value < 0;
    w.u64(negative ? -digits.length : digits.length);
    // int 0 still has room for one digit (its value 0).
    for (const d of digits.length > 0 ? digits : [0]) w.u32(d);
  } else if (o instanceof PyFloat) {
    w.f64(o.value);
  } else if (o instanceof PyTuple) {
    w.u64(o.items.length);
    for (const item of o.items) w.pointer(item);
  } else if (o instanceof PyList) {
    w.u64(o.items.length);
    // ob_item points at the separately allocated item array; `allocated` is list_resize's.
    w.u64(o.itemsBlock);
    w.u64(o.allocated);
  } else if (o instanceof PyStr) {
    strLayout(w, o);
  } else if (o instanceof PyBytes) {
    const data = o.data;
    w.u64(data.length);
    w.u64(-1); // ob_shash: not computed
    w.raw(data);
    w.raw([0]);
  } else if (o instanceof PyCell) {
    w.pointer(o.contents);
  }
  // Objects this file does not lay out show their header and then zeros up to their size.
  return w.finish(Math.max(w.length, objectRequest(o)));
}

/** Bytes of the object's request after its GC pre-header (what lies at id(o)). */
function objectRequest(o: PyObject): number {
  const pre = o.ob_type.gcHeader ? (o.ob_type.managedDict ? 32 : 16) : 0;
  return Math.max(16, o.ob_size - pre);
}

function strLayout(w: LayoutWriter, s: PyStr): void {
  const codePoints = Array.from(s.value, (c) => c.codePointAt(0)!);
  const max = codePoints.reduce((m, c) => Math.max(m, c), 0);
  const ascii = max < 0x80;
  const kind = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
  w.u64(codePoints.length);
  w.u64(s.hash === -1 ? -1 : s.hash);
  // state: interned (2 bits), kind (3), compact (1), ascii (1), ready (1); then 4 bytes of padding.
  const interned = (s as unknown as { interned?: boolean }).interned ? 1 : 0;
  w.u32(interned | (kind << 2) | (1 << 5) | ((ascii ? 1 : 0) << 6) | (1 << 7));
  w.u32(0);
  w.u64(0); // wstr
  if (!ascii) {
    w.u64(0); // utf8_length: no UTF-8 cache yet
    w.u64(0); // utf8
    w.u64(0); // wstr_length
  }
  for (const c of codePoints) {
    if (kind === 1) w.raw([c]);
    else if (kind === 2) w.raw([c & 0xff, c >> 8]);
    else w.u32(c);
  }
  if (kind === 1) w.raw([0]);
  else if (kind === 2) w.raw([0, 0]);
  else w.u32(0);
}
