// Frame: one activation of a code object (CPython's _PyInterpreterFrame). Frames form a chain
// through `previous`; the eval loop runs the top one. A frame owns a reference to every non-null
// slot of `fast` (localsplus: locals, cells, free variables) and of `stack` below `sp`.
//
// `entry` marks a frame whose exit returns control to the JS caller of the eval loop (a nested
// run started by native code, or the outermost frame); frames pushed by CALL/FOR_ITER/SEND
// return into their caller frame inside the same loop.

import type { PyObject } from '../objects/pyobject';
import type { PyCode } from '../objects/code';
import type { PyFunction } from '../objects/function';
import type { PyDict } from '../objects/dict';
import type { PyGenerator } from '../objects/generator';
import type { PyFrameObject } from '../objects/traceback';

/** What happens to a frame's return value in its caller. */
export const enum ReturnMode {
  /** Push the value on the caller's stack. */
  Push,
  /** A class instantiation's __init__: check for None, push the new instance instead. */
  Init,
  /** A generator resumed by the caller's FOR_ITER: yield pushes the item, return ends the loop. */
  ForIter,
  /** A generator resumed by SEND: yield pushes the value, return replaces the receiver and jumps. */
  Send,
}

export class ExcState {
  constructor(public value: PyObject | null, public previous: ExcState | null) {}
}

export class Frame {
  readonly co_code: Uint16Array;
  readonly fast: (PyObject | null)[];
  readonly stack: (PyObject | null)[];
  sp = 0;
  /** Index of the next code unit to execute. */
  ip = 0;
  /** Index of the instruction being executed (what tracebacks and the exception table use). */
  lasti = 0;
  previous: Frame | null = null;
  /** locals()/exec/eval's dict for a function frame (CPython's f_locals), owned; made on demand. */
  localsSnapshot: PyDict | null = null;
  entry = false;
  returnMode = ReturnMode.Push;
  /** For ReturnMode.Init: the instance being initialised (owned). For ForIter/Send: the jump target. */
  initSelf: PyObject | null = null;
  jumpTarget = 0;
  generator: PyGenerator | null = null;
  /** Keyword names set by KW_NAMES for the next CALL. */
  kwnames: string[] | null = null;
  frameObject: PyFrameObject | null = null;
  /** The handled-exception state this frame pushed (generators own theirs). */
  excState: ExcState | null = null;
  constructor(
    readonly code: PyCode,
    readonly func: PyFunction | null,
    readonly globals: PyDict,
    readonly builtins: PyDict,
    /** The locals mapping for module and class bodies (LOAD_NAME/STORE_NAME), else null. */
    public locals: PyObject | null,
  ) {
    this.co_code = code.co.co_code;
    this.fast = new Array(code.nlocalsplus).fill(null);
    this.stack = new Array(code.co.co_stacksize + 1).fill(null);
  }
}
