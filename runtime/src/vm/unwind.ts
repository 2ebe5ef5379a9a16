// Raising and unwinding (ceval.c's error path, 3.11 flavour): turning JS errors into Python
// exceptions, walking each frame's exception table (no block stack), adding traceback entries,
// and building the exception for RAISE_VARARGS.
//
// Invariants: a frame without a handler is popped and released before the search moves to its
// caller; the search stops at the entry frame of the current `execute` activation; RERAISE and
// bare `raise` set `interp.reraising` so __context__ is not chained twice.
//
// A debugger may watch exceptions (observeExceptions): it is told each time the search reaches a
// frame, before that frame's handler runs or the frame exits, so it can stop with the frame
// alive. Without one, the cost is one boolean test per frame unwound.

import type { PyObject } from '../objects/pyobject';
import { PyType } from '../objects/typeobject';
import { decref, newRef, xdecref } from '../memory/heap';
import { newInt } from '../objects/int';
import { None } from '../objects/none';
import { PyTuple } from '../objects/tuple';
import { PyCode } from '../objects/code';
import { GenState, coroutineType } from '../objects/generator';
import { newFrameObject, newTraceback, PyTraceback } from '../objects/traceback';
import * as E from '../objects/exceptions';
import { PyBaseException, newException } from '../objects/exceptions';
import * as A from '../objects/abstract';
import { Frame, ReturnMode } from './frame';
import type { Interpreter } from './interpreter';
import { releaseFrame, call, popGenExcState } from './calls';

export function toPyException(interp: Interpreter, e: unknown): PyBaseException {
  if (e instanceof PyBaseException) return e;
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return newException(E.RecursionError, 'maximum recursion depth exceeded');
  }
  const msg = e instanceof Error ? `${e.message}` : String(e);
  const exc = newException(E.SystemError, `internal error: ${msg}`);
  (exc as unknown as { jsError: unknown }).jsError = e;
  return exc;
}

/**
 * Find a handler for `exc` starting in the current frame. Returns null if the loop can
 * continue (a handler was found in a frame of this activation), else the exception leaving the
 * entry frame (which has been popped); leaving a generator turns StopIteration into
 * RuntimeError (PEP 479), so it may differ from `exc`.
 */
export function unwind(interp: Interpreter, exc: PyBaseException): PyBaseException | null {
  if (interp.reraising) interp.reraising = false;
  else interp.chainContext(exc);
  let f = interp.frame!;
  let addTb = !interp.skipTraceback;
  interp.skipTraceback = false;
  for (;;) {
    if (addTb) addTraceback(interp, exc, f);
    if (exceptionsObserved) exceptionObservers.get(interp)?.(exc, f, !addTb);
    addTb = true;
    // The handler is looked up at the instruction actually executing (ip - 1; RERAISE may have
    // restored lasti to the original raise point for the traceback, as in ceval.c).
    const handler = findHandler(interp, f.code, f.ip - 1);
    if (handler !== null) {
      const stack = f.stack;
      while (f.sp > handler.depth) {
        const v = stack[--f.sp];
        stack[f.sp] = null;
        xdecref(v);
      }
      if (handler.lasti) stack[f.sp++] = newInt(f.lasti);
      stack[f.sp++] = exc;
      f.ip = handler.target;
      f.kwnames = null; // a native CALL that raised leaves its kwnames (calls.ts)
      return null;
    }
    // No handler: the frame exits with the exception.
    const wasEntry = f.entry;
    exc = exitFrameWithException(interp, f, exc);
    if (wasEntry) return exc;
    f = interp.frame!;
  }
}

/**
 * What a debugger hears while an exception unwinds: the exception and the frame the search has
 * reached (interp.frame), its traceback entry already added; `reraised` for a RERAISE (the end of
 * a `finally` or `with` cleanup), which CPython's tracing does not report as a new event.
 */
export type ExceptionObserver = (exc: PyBaseException, frame: Frame, reraised: boolean) => void;

const exceptionObservers = new WeakMap<Interpreter, ExceptionObserver>();
/** Set once any debugger watched exceptions in this process (never reset: the check stays one boolean). */
let exceptionsObserved = false;

/** Install (or with null remove) the debugger's exception observer of an interpreter. */
export function observeExceptions(interp: Interpreter, observer: ExceptionObserver | null): void {
  if (observer === null) exceptionObservers.delete(interp);
  else {
    exceptionObservers.set(interp, observer);
    exceptionsObserved = true;
  }
}

export function exitFrameWithException(interp: Interpreter, f: Frame, exc: PyBaseException): PyBaseException {
  interp.frame = f.previous;
  interp.depth--;
  const gen = f.generator;
  if (gen !== null) {
    gen.state = GenState.Closed;
    popGenExcState(interp, f);
    if (exc.ob_type.isSubtypeOf(E.StopIteration) || (gen.ob_type === coroutineType && false)) {
      const what = gen.ob_type === coroutineType ? 'coroutine' : 'generator';
      const err = newException(E.RuntimeError, `${what} raised StopIteration`);
      err.cause = exc;
      err.context = newRef(exc);
      err.suppressContext = true;
      exc = err;
    }
    releaseFrame(interp, f);
    f.generator = null;
  } else releaseFrame(interp, f);
  if (f.returnMode === ReturnMode.Init) {
    xdecref(f.initSelf);
    f.initSelf = null;
  }
  return exc;
}

export function findHandler(interp: Interpreter, code: PyCode, lasti: number): { target: number; depth: number; lasti: boolean } | null {
  const table = code.exceptionTable;
  for (let i = 0; i < table.length; i++) {
    const e = table[i];
    if (lasti >= e.start && lasti < e.end) return e;
  }
  return null;
}

export function addTraceback(interp: Interpreter, exc: PyBaseException, f: Frame): void {
  let fo = f.frameObject;
  if (fo === null) {
    const back = f.previous !== null ? f.previous.frameObject : null;
    fo = f.frameObject = newFrameObject(f.code, f.globals, f.lasti, back !== null ? newRef(back) : null);
    fo.live = f; // f_locals/f_lineno read the running frame until it finishes
  }
  fo.lasti = f.lasti;
  const tb = newTraceback(exc.traceback as PyTraceback | null, fo, f.lasti);
  exc.traceback = tb;
}

export function raise(interp: Interpreter, f: Frame, oparg: number): PyBaseException {
  const stack = f.stack;
  if (oparg === 0) {
    const cur = interp.currentHandled();
    if (cur === null) return newException(E.RuntimeError, 'No active exception to reraise');
    interp.reraising = true;
    return newRef(cur as PyBaseException);
  }
  let cause: PyObject | null = null;
  if (oparg === 2) {
    cause = stack[--f.sp];
    stack[f.sp] = null;
  }
  const v = stack[--f.sp]!;
  stack[f.sp] = null;
  const exc = makeRaisable(interp, v, false);
  if (cause !== null) {
    let c: PyBaseException | null;
    if (cause === None) {
      c = null;
      decref(cause);
    } else {
      c = makeRaisable(interp, cause, true);
      // do_raise: a cause that is no exception replaces the whole raise with its TypeError.
      if (!(cause instanceof PyBaseException) && !(cause instanceof PyType && cause.isExceptionType)) {
        decref(exc);
        return c;
      }
    }
    xdecref(exc.cause);
    exc.cause = c;
    exc.suppressContext = true;
  }
  return exc;
}

/** An exception instance from `raise X` / `raise X()` (steals `v`). */
export function makeRaisable(interp: Interpreter, v: PyObject, isCause: boolean): PyBaseException {
  if (v instanceof PyType && v.isExceptionType) {
    const inst = A.call(v, []);
    decref(v);
    if (!(inst instanceof PyBaseException)) {
      const n = A.typeName(inst);
      decref(inst);
      return newException(E.TypeError, `calling ${A.repr(v)} should have returned an instance of BaseException, not ${n}`);
    }
    return inst;
  }
  if (v instanceof PyBaseException) return v;
  decref(v);
  if (isCause) return newException(E.TypeError, 'exception causes must derive from BaseException');
  return newException(E.TypeError, 'exceptions must derive from BaseException');
}

export function exceptionMatches(exc: PyObject, cls: PyObject): boolean {
  if (cls instanceof PyTuple) {
    for (const c of cls.items) {
      if (!(c instanceof PyType && c.isExceptionType)) {
        throw newException(E.TypeError, 'catching classes that do not inherit from BaseException is not allowed');
      }
    }
    for (const c of cls.items) if (exc.ob_type.isSubtypeOf(c as PyType)) return true;
    return false;
  }
  if (!(cls instanceof PyType && cls.isExceptionType)) {
    throw newException(E.TypeError, 'catching classes that do not inherit from BaseException is not allowed');
  }
  return exc.ob_type.isSubtypeOf(cls);
}
