// PyObject: the header every Python object carries, as in CPython's object.h.
// `ob_refcnt` and `ob_type` are CPython's; `ob_addr` is the simulated address the memory module
// assigned (what `id()` returns) and `ob_size` the bytes it occupies there. `dict` is the
// instance `__dict__` for objects whose type has one (user classes and subclasses of builtins);
// it lives on the header so attribute code sees one object shape.
//
// Invariant: objects are created only through a type file's constructor helper, which calls
// `track` (memory/heap.ts) to give the object its address; refcounts change only through
// incref/decref.

import type { PyType } from './typeobject';
import type { PyDict } from './dict';

export class PyObject {
  // `declare`: no class-field definitions are emitted (they would run V8's slow define path
  // for every object); the constructor's assignments create the fields, in this order.
  declare ob_refcnt: number;
  declare ob_type: PyType;
  declare ob_addr: number;
  declare ob_size: number;
  declare dict: PyDict | null;
  /** The cyclic GC's list node while the object is tracked, else null (owned by memory/gc). */
  declare gc_head: unknown;
  constructor(type: PyType) {
    // Plain assignments (not class-field initialisers) keep construction on V8's fast path.
    this.ob_refcnt = 1;
    this.ob_type = type;
    this.ob_addr = 0;
    this.ob_size = 0;
    this.dict = null;
    this.gc_head = null;
  }
}
