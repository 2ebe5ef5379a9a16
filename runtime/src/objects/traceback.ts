// traceback and frame objects as Python sees them (Python/traceback.c, Objects/frameobject.c).
// A traceback entry records a frame and the instruction that was running when the exception
// passed through it; tb_next points towards where it was raised.
//
// A frame object shows a VM frame while it runs (`live`). When that frame finishes while
// something besides the frame still holds its frame object (a traceback, sys._getframe), the
// object takes over the frame's locals, function and namespace (frame.c's take_ownership), so
// tb_frame.f_locals still shows them and they die with the frame object, not at the frame's exit.
// Invariants: a VM frame owns one reference to its frame object (dropped at its exit); `back` is
// owned; an owning frame object's `fast` slots, `func` and `namespace` are owned references.

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track, xdecref, decref, newRef } from '../memory/heap';
import type { PyCode } from './code';
import type { PyDict } from './dict';

export const tracebackType: PyType = makeStaticType('traceback', undefined, { gcHeader: true, basicsize: 40, isBaseType: false });
export const frameType: PyType = makeStaticType('frame', undefined, { gcHeader: true, basicsize: 104, isBaseType: false });

/** A frame object: the Python-visible face of a VM frame (f_code, f_lineno, f_globals...). */
export class PyFrameObject extends PyObject {
  /**
   * The VM frame this object shows, while the program may still look at it: f_lineno/f_lasti
   * follow its current instruction and f_locals reads its variables (set by frameObjectOf).
   */
  live: LiveFrame | null = null;
  /** Once the VM frame finished: its locals, cells and free variables (owned), else null. */
  fast: (PyObject | null)[] | null = null;
  /** Once the VM frame finished: its function, and the module/class namespace it ran in (owned). */
  func: PyObject | null = null;
  namespace: PyObject | null = null;
  /** Whether this object owns a reference to `code` and `globals` (once it took over its frame). */
  ownsCode = false;
  /** `back` is a new reference given to the frame object. */
  constructor(readonly code: PyCode, readonly globals: PyDict, public lasti: number, public back: PyFrameObject | null) {
    super(frameType);
  }
  /** The instruction the frame is at now (live) or was at when captured. */
  currentLasti(): number {
    return this.live !== null ? this.live.lasti : this.lasti;
  }
}

/** What a frame object needs from the VM's Frame (vm/frame.ts), without importing the VM. */
export interface LiveFrame {
  readonly lasti: number;
  readonly fast: (PyObject | null)[];
  readonly locals: PyObject | null;
  readonly code: PyCode;
  readonly globals: PyDict;
  readonly previous: LiveFrame | null;
  readonly generator: PyObject | null;
  readonly stack: (PyObject | null)[];
  sp: number;
  func: PyObject | null;
  localsSnapshot: PyObject | null;
  frameObject: PyFrameObject | null;
}

/**
 * _PyFrame_Clear's first step, for a VM frame that finishes (returns, raises, or its generator
 * dies) while it has a frame object: the frame drops its reference to that object, and if someone
 * else still holds it, the object takes over the frame's locals, function and namespace (the value
 * stack, empty in CPython by then, is released). Returns whether it did; if not, the caller
 * releases the frame as usual (the frame object is already gone, as in CPython).
 */
export function frameObjectTakesOver(f: LiveFrame): boolean {
  const fo = f.frameObject!;
  f.frameObject = null;
  fo.live = null;
  fo.lasti = f.lasti;
  if (fo.ob_refcnt === 1) {
    decref(fo);
    return false;
  }
  const stack = f.stack;
  for (let i = 0; i < f.sp; i++) {
    const v = stack[i];
    stack[i] = null;
    xdecref(v);
  }
  f.sp = 0;
  const fast = f.fast;
  fo.fast = fast.slice();
  for (let i = 0; i < fast.length; i++) fast[i] = null;
  fo.func = f.func;
  f.func = null;
  if (f.locals !== null) fo.namespace = newRef(f.locals);
  fo.code.ob_refcnt++;
  fo.globals.ob_refcnt++;
  fo.ownsCode = true;
  // take_ownership links f_back to the caller's frame object, making one if needed; a generator
  // or coroutine frame has no caller link by then (gen_send_ex unlinks frame->previous after each
  // resumption), so its f_back stays None and it keeps no resuming frame (an event loop's Handle,
  // the task that stepped it) alive
  const prev = f.previous;
  if (fo.back === null && prev !== null && f.generator === null) fo.back = newRef(frameObjectFor(prev));
  const snapshot = f.localsSnapshot;
  f.localsSnapshot = null;
  xdecref(snapshot);
  decref(fo); // the frame's reference; others remain
  return true;
}

/** The frame object of a running VM frame (borrowed), made on first use. */
function frameObjectFor(f: LiveFrame): PyFrameObject {
  let fo = f.frameObject;
  if (fo === null) {
    fo = f.frameObject = newFrameObject(f.code, f.globals, f.lasti, f.previous !== null ? newRef(frameObjectFor(f.previous)) : null);
    fo.live = f;
  }
  return fo;
}

/** frame_tp_clear (and frame.clear() of a finished frame): drop the locals it took over. */
export function clearFrameObject(fo: PyFrameObject): void {
  const fast = fo.fast;
  if (fast === null) return;
  for (let i = 0; i < fast.length; i++) {
    const v = fast[i];
    if (v !== null) {
      fast[i] = null;
      decref(v);
    }
  }
}

frameType.tp_dealloc = (obj) => {
  // frame_dealloc: the function, the namespace, the locals in order, f_back, then the code
  const fo = obj as PyFrameObject;
  const func = fo.func, ns = fo.namespace, fast = fo.fast, back = fo.back;
  fo.func = fo.namespace = fo.fast = fo.back = null;
  fo.live = null;
  xdecref(func);
  xdecref(ns);
  if (fast !== null) for (let i = 0; i < fast.length; i++) xdecref(fast[i]);
  xdecref(back);
  if (fo.ownsCode) {
    fo.ownsCode = false;
    decref(fo.globals);
    decref(fo.code);
  }
};

export class PyTraceback extends PyObject {
  constructor(public next: PyTraceback | null, readonly frame: PyFrameObject, readonly lasti: number) {
    super(tracebackType);
  }
}

tracebackType.tp_dealloc = (obj) => {
  const tb = obj as PyTraceback;
  xdecref(tb.next);
  tb.next = null;
  decref(tb.frame);
};

export function newTraceback(next: PyTraceback | null, frame: PyFrameObject, lasti: number): PyTraceback {
  frame.ob_refcnt++;
  return track(new PyTraceback(next, frame, lasti), 40);
}

/** A frame object for a VM frame (`back` is a new reference it takes). */
export function newFrameObject(code: PyCode, globals: PyDict, lasti: number, back: PyFrameObject | null): PyFrameObject {
  return track(new PyFrameObject(code, globals, lasti, back), 104);
}
