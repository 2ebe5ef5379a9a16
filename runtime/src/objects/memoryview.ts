// memoryview (Objects/memoryobject.c) over the buffers this runtime has: bytes and bytearray,
// one-dimensional with format 'B'. A view reads its exporter's current bytes (a bytearray that
// grows is seen at its new size); release() detaches it.

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { PyBytes, bytearrayType, newBytes } from './bytes';
import { newInt, newIntValue } from './int';
import { newBool } from './bool';
import { newStr } from './str';
import { newTupleSteal } from './tuple';
import { newListSteal } from './list';
import { PySlice } from './slice';
import { None, NotImplemented } from './none';
import { defineMethods, defineNew, defineGetSets } from './define';
import * as E from './exceptions';
import { newException } from './exceptions';
import * as A from './abstract';
import { newRef, decref, track } from '../memory/heap';
import { sliceIndices } from './sequenceMethods';
import { newIterator } from './iterator';
import { bufferHooks } from './bytesMethods';
import { hashBytes } from '../hashing/hash';

export const memoryviewType: PyType = makeStaticType('memoryview', undefined, { basicsize: 184, gcHeader: true });

export class PyMemoryView extends PyObject {
  /** The exporter (bytes or bytearray), null once released. */
  declare obj: PyBytes | null;
  /** The viewed range of the exporter's bytes. */
  declare start: number;
  declare step: number;
  declare length: number | null;
  constructor(obj: PyBytes, start: number, step: number, length: number | null) {
    super(memoryviewType);
    this.obj = obj;
    this.start = start;
    this.step = step;
    this.length = length;
  }
}

function live(self: PyObject): PyMemoryView & { obj: PyBytes } {
  const m = self as PyMemoryView;
  if (m.obj === null) throw newException(E.ValueError, 'operation forbidden on released memoryview object');
  return m as PyMemoryView & { obj: PyBytes };
}

/** The bytes the view currently shows. */
export function viewBytes(self: PyMemoryView & { obj: PyBytes }): Uint8Array {
  const d = self.obj.data;
  if (self.length === null) return d;
  const out = new Uint8Array(self.length);
  for (let i = 0, k = self.start; i < self.length; i++, k += self.step) out[i] = d[k];
  return out;
}

function newView(obj: PyBytes, start: number, step: number, length: number | null): PyMemoryView {
  obj.ob_refcnt++;
  return track(new PyMemoryView(obj, start, step, length), 184);
}

bufferHooks.view = (o) => (o instanceof PyMemoryView && o.obj !== null ? viewBytes(o as PyMemoryView & { obj: PyBytes }) : null);

defineNew(memoryviewType, (_s, args) => {
  const o = args[1];
  if (o instanceof PyMemoryView) {
    const m = live(o);
    return newView(m.obj, m.start, m.step, m.length);
  }
  if (!(o instanceof PyBytes)) throw newException(E.TypeError, `memoryview: a bytes-like object is required, not '${o === undefined ? 'NoneType' : A.typeName(o)}'`);
  return newView(o, 0, 1, null);
});

const readonly = (m: PyMemoryView & { obj: PyBytes }) => !(m.obj.ob_type === bytearrayType || m.obj.ob_type.isSubtypeOf(bytearrayType));

defineMethods(memoryviewType, {
  __len__: (self) => newInt(viewBytes(live(self)).length),
  __repr__: (self) => newStr(`<${(self as PyMemoryView).obj === null ? 'released ' : ''}memory at 0x${self.ob_addr.toString(16).padStart(12, '0')}>`),
  __getitem__: (self, args) => {
    const m = live(self);
    const d = viewBytes(m);
    if (args[0] instanceof PySlice) {
      const [lo, , step, n] = sliceIndices(args[0], d.length);
      const base = m.length === null ? 0 : m.start;
      const unit = m.length === null ? 1 : m.step;
      return newView(m.obj, base + lo * unit, step * unit, n);
    }
    let i = Number(A.indexValue(args[0]));
    if (i < 0) i += d.length;
    if (i < 0 || i >= d.length) throw newException(E.IndexError, 'index out of bounds on dimension 1');
    return newInt(d[i]);
  },
  __setitem__: (self, args) => {
    const m = live(self);
    if (readonly(m)) throw newException(E.TypeError, 'cannot modify read-only memory');
    const d = m.obj.data;
    const n = viewBytes(m).length;
    const at = (i: number) => (m.length === null ? i : m.start + i * m.step);
    if (args[0] instanceof PySlice) {
      const [lo, , step, count] = sliceIndices(args[0], n);
      const src = bufferHooks.view(args[1]) ?? (args[1] instanceof PyBytes ? args[1].data : null);
      if (src === null) throw newException(E.TypeError, `a bytes-like object is required, not '${A.typeName(args[1])}'`);
      if (src.length !== count) throw newException(E.ValueError, 'memoryview assignment: lvalue and rvalue have different structures');
      for (let i = 0, k = lo; i < count; i++, k += step) d[at(k)] = src[i];
      return newRef(None);
    }
    let i = Number(A.indexValue(args[0]));
    if (i < 0) i += n;
    if (i < 0 || i >= n) throw newException(E.IndexError, 'index out of bounds on dimension 1');
    const v = A.indexValue(args[1]);
    if (typeof v === 'bigint' || v < 0 || v > 255) throw newException(E.ValueError, "memoryview: invalid value for format 'B'");
    d[at(i)] = v;
    return newRef(None);
  },
  __iter__: (self) => {
    const d = viewBytes(live(self));
    let i = 0;
    return newIterator('memory_iterator', self, () => (i < d.length ? newInt(d[i++]) : null));
  },
  __eq__: (self, args) => {
    const m = self as PyMemoryView;
    const other = bufferHooks.view(args[0]) ?? (args[0] instanceof PyBytes ? args[0].data : null);
    if (m.obj === null) return newBool(self === args[0]);
    if (other === null) return newRef(NotImplemented);
    const d = viewBytes(live(self));
    return newBool(d.length === other.length && d.every((b, i) => b === other[i]));
  },
  __hash__: (self) => {
    const m = live(self);
    if (!readonly(m)) throw newException(E.ValueError, 'cannot hash writable memoryview object');
    return newIntValue(hashBytes(viewBytes(m)));
  },
  __enter__: (self) => newRef(live(self)),
  __exit__: (self) => {
    release(self as PyMemoryView);
    return newRef(None);
  },
  release: (self) => {
    release(self as PyMemoryView);
    return newRef(None);
  },
  tobytes: (self) => newBytes(viewBytes(live(self)).slice()),
  tolist: (self) => newListSteal(Array.from(viewBytes(live(self)), (b) => newInt(b))),
  hex: (self) => newStr(Array.from(viewBytes(live(self)), (b) => b.toString(16).padStart(2, '0')).join('')),
  cast: (self, args) => {
    const m = live(self);
    const format = A.str(args[0]);
    if (format !== 'B' && format !== 'b' && format !== 'c') throw newException(E.ValueError, "memoryview: destination format must be a native single character format prefixed with an optional '@'");
    return newView(m.obj, m.start, m.step, m.length);
  },
});

function release(m: PyMemoryView): void {
  const obj = m.obj;
  if (obj === null) return;
  m.obj = null;
  decref(obj);
}

memoryviewType.tp_dealloc = (self: PyObject) => release(self as PyMemoryView);

defineGetSets(memoryviewType, {
  obj: [(self) => newRef(live(self).obj)],
  readonly: [(self) => newBool(readonly(live(self)))],
  format: [(self) => { live(self); return newStr('B'); }],
  itemsize: [(self) => { live(self); return newInt(1); }],
  ndim: [(self) => { live(self); return newInt(1); }],
  nbytes: [(self) => newInt(viewBytes(live(self)).length)],
  shape: [(self) => newTupleSteal([newInt(viewBytes(live(self)).length)])],
  strides: [(self) => { live(self); return newTupleSteal([newInt(1)]); }],
  c_contiguous: [(self) => newBool((live(self) as PyMemoryView).step === 1)],
});

