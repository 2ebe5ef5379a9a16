// traceback and frame objects as Python sees them (Python/traceback.c, Objects/frameobject.c).
// A traceback entry records a frame and the instruction that was running when the exception
// passed through it; tb_next points towards where it was raised.

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track, xdecref, decref } from '../memory/heap';
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
}

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

export function newFrameObject(code: PyCode, globals: PyDict, lasti: number, back: PyFrameObject | null): PyFrameObject {
  return track(new PyFrameObject(code, globals, lasti, back), 104);
}
