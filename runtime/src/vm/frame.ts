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
  co_code: Uint16Array;
  fast: (PyObject | null)[];
  stack: (PyObject | null)[];
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
  // code/func/globals/builtins/locals are fixed for one activation; a recycled frame (see
  // newFrame) gets them again for its next one.
  constructor(
    public code: PyCode,
    public func: PyFunction | null,
    public globals: PyDict,
    public builtins: PyDict,
    /** The locals mapping for module and class bodies (LOAD_NAME/STORE_NAME), else null. */
    public locals: PyObject | null,
  ) {
    this.co_code = code.co.co_code;
    this.fast = nulls(code.nlocalsplus);
    this.stack = nulls(code.co.co_stacksize + 1);
  }
}

/** A packed array of n nulls (`new Array(n).fill(null)` is holey: every access then checks for holes). */
function nulls(n: number): (PyObject | null)[] {
  const a: (PyObject | null)[] = [];
  for (let i = 0; i < n; i++) a.push(null);
  return a;
}

// Frame reuse. CPython 3.11 takes frames from a per-thread data stack instead of the heap; here a
// finished function frame goes back to a small free list on its code object, so a call does not
// allocate a frame and its two arrays. Only frames nothing else can see are reused: no frame
// object (tracebacks, sys._getframe, locals()), no generator, and no debugger attached (the
// debugger keys its per-frame state on Frame identity).

/** Enough for the recursion of a typical recursive function; deeper frames are simply dropped. */
const FREE_FRAMES_PER_CODE = 32;

/** A frame for one activation of `code`: a recycled one when the code has one free. */
export function newFrame(code: PyCode, func: PyFunction | null, globals: PyDict, builtins: PyDict, locals: PyObject | null): Frame {
  const free = code.freeFrames as Frame[] | null;
  if (free === null || free.length === 0) return new Frame(code, func, globals, builtins, locals);
  const f = free.pop()!;
  f.func = func;
  f.globals = globals;
  f.builtins = builtins;
  f.locals = locals;
  return f;
}

/**
 * Put a finished frame (its references already released, `releaseFrame`) on its code's free list.
 * The caller has checked that nothing observes frames (`interp.observer === null`).
 */
export function recycleFrame(f: Frame): void {
  if (f.frameObject !== null || f.generator !== null || f.excState !== null) return;
  const code = f.code;
  const free = (code.freeFrames ??= []) as Frame[];
  if (free.length >= FREE_FRAMES_PER_CODE) return;
  f.ip = 0;
  f.lasti = 0;
  f.previous = null;
  f.entry = false;
  f.returnMode = ReturnMode.Push;
  f.initSelf = null;
  f.jumpTarget = 0;
  f.kwnames = null;
  f.func = null;
  f.locals = null;
  free.push(f);
}
