// The eval loop's coroutine instructions (CPython 3.11 ceval.c): GET_AWAITABLE, BEFORE_ASYNC_WITH,
// GET_AITER, GET_ANEXT, END_ASYNC_FOR and ASYNC_GEN_WRAP, with CPython's TypeError wording.
// `await x` compiles to GET_AWAITABLE; LOAD_CONST None; SEND; YIELD_VALUE; RESUME 3, so once
// the awaitable iterator is on the stack the ordinary SEND/YIELD_VALUE machinery drives it.
//
// Invariants: each helper leaves the stack as the 3.11 instruction does (same depth, new
// references in the slots it writes, references it removes released).

import type { PyObject } from '../objects/pyobject';
import { decref } from '../memory/heap';
import { PyGenerator, coroutineType } from '../objects/generator';
import * as E from '../objects/exceptions';
import { newException, PyBaseException } from '../objects/exceptions';
import * as A from '../objects/abstract';
import { delegate, coroutineSupport } from '../objects/coroutine';
import { lineForOffset } from '../objects/lineTable';
import { asyncGeneratorType, asyncGenANext, wrapAsyncGenValue } from '../objects/asyncGenerator';
import type { Frame } from './frame';
import type { Interpreter } from './interpreter';

/** types.coroutine marks a generator's code with this (CPython's CO_ITERABLE_COROUTINE). */
const CO_ITERABLE_COROUTINE = 0x100;

/** A coroutine, or a generator decorated by types.coroutine (CO_ITERABLE_COROUTINE). */
function isAwaitableGenerator(o: PyObject): o is PyGenerator {
  return o instanceof PyGenerator && (o.ob_type === coroutineType || (o.code.co.co_flags & CO_ITERABLE_COROUTINE) !== 0);
}

/** _PyCoro_GetAwaitableIter: the iterator an `await` drives (new reference), or null. */
export function awaitableIter(o: PyObject): PyObject | null {
  if (isAwaitableGenerator(o)) {
    o.ob_refcnt++;
    return o;
  }
  const getter = o.ob_type.lookup('__await__');
  if (getter === null) return null;
  const res = A.callBound(getter, o, []);
  if (isAwaitableGenerator(res)) {
    decref(res);
    throw newException(E.TypeError, '__await__() returned a coroutine');
  }
  if (res.ob_type.lookup('__next__') === null && !(res instanceof PyGenerator)) {
    const n = A.typeName(res);
    decref(res);
    throw newException(E.TypeError, `__await__() returned non-iterator of type '${n}'`);
  }
  return res;
}

/** GET_AWAITABLE: replace TOS by its awaitable iterator (oparg 1/2: from __aenter__/__aexit__). */
export function getAwaitable(_interp: Interpreter, f: Frame, oparg: number): void {
  const stack = f.stack;
  const o = stack[f.sp - 1]!;
  const it = awaitableIter(o);
  if (it === null) {
    const n = A.typeName(o);
    if (oparg === 1) throw newException(E.TypeError, `'async with' received an object from __aenter__ that does not implement __await__: ${n}`);
    if (oparg === 2) throw newException(E.TypeError, `'async with' received an object from __aexit__ that does not implement __await__: ${n}`);
    throw newException(E.TypeError, `object ${n} can't be used in 'await' expression`);
  }
  if (it.ob_type === coroutineType && delegate(it as PyGenerator) !== null) {
    decref(it);
    throw newException(E.RuntimeError, 'coroutine is being awaited already');
  }
  stack[f.sp - 1] = it;
  decref(o);
}

/** BEFORE_ASYNC_WITH: [mgr] → [bound __aexit__, mgr.__aenter__()]. */
export function beforeAsyncWith(_interp: Interpreter, f: Frame): void {
  const stack = f.stack;
  const mgr = stack[f.sp - 1]!;
  const enter = mgr.ob_type.lookup('__aenter__');
  if (enter === null) {
    throw newException(E.TypeError, `'${A.typeName(mgr)}' object does not support the asynchronous context manager protocol`);
  }
  const exitDescr = mgr.ob_type.lookup('__aexit__');
  if (exitDescr === null) {
    throw newException(E.TypeError, `'${A.typeName(mgr)}' object does not support the asynchronous context manager protocol (missed __aexit__ method)`);
  }
  const exit = A.descrGet(exitDescr, mgr, mgr.ob_type);
  stack[f.sp - 1] = exit;
  let res: PyObject;
  try {
    res = A.callBound(enter, mgr, []);
  } finally {
    decref(mgr);
  }
  stack[f.sp++] = res;
}

/** GET_AITER: replace TOS by `TOS.__aiter__()`, which must have __anext__. */
export function getAiter(_interp: Interpreter, f: Frame): void {
  const stack = f.stack;
  const o = stack[f.sp - 1]!;
  const m = o.ob_type.lookup('__aiter__');
  if (m === null) throw newException(E.TypeError, `'async for' requires an object with __aiter__ method, got ${A.typeName(o)}`);
  const it = A.callBound(m, o, []);
  if (it.ob_type.lookup('__anext__') === null) {
    const n = A.typeName(it);
    decref(it);
    throw newException(E.TypeError, `'async for' received an object from __aiter__ that does not implement __anext__: ${n}`);
  }
  stack[f.sp - 1] = it;
  decref(o);
}

/** GET_ANEXT: push the awaitable iterator of `TOS.__anext__()` (the async iterator stays). */
export function getAnext(_interp: Interpreter, f: Frame): void {
  const stack = f.stack;
  const aiter = stack[f.sp - 1]!;
  if (aiter.ob_type === asyncGeneratorType) {
    stack[f.sp++] = asyncGenANext(aiter as PyGenerator);
    return;
  }
  const m = aiter.ob_type.lookup('__anext__');
  if (m === null) throw newException(E.TypeError, `'async for' requires an iterator with __anext__ method, got ${A.typeName(aiter)}`);
  const next = A.callBound(m, aiter, []);
  let awaitable: PyObject | null;
  try {
    awaitable = awaitableIter(next);
  } finally {
    decref(next);
  }
  if (awaitable === null) {
    throw newException(E.TypeError, `'async for' received an invalid object from __anext__: ${A.typeName(next)}`);
  }
  stack[f.sp++] = awaitable;
}

/**
 * END_ASYNC_FOR (the handler of an `async for`): StopAsyncIteration ends the loop (popping the
 * exception and the async iterator); anything else is re-raised as it is.
 */
export function endAsyncFor(interp: Interpreter, f: Frame): void {
  const stack = f.stack;
  const exc = stack[--f.sp] as PyBaseException;
  stack[f.sp] = null;
  if (exc.ob_type.isSubtypeOf(E.StopAsyncIteration)) {
    decref(exc);
    const aiter = stack[--f.sp]!;
    stack[f.sp] = null;
    decref(aiter);
    return;
  }
  interp.reraising = true;
  interp.skipTraceback = true;
  throw exc;
}

/** ASYNC_GEN_WRAP: mark the value of an async generator's `yield` (see objects/asyncGenerator). */
export function asyncGenWrap(_interp: Interpreter, f: Frame): void {
  f.stack[f.sp - 1] = wrapAsyncGenValue(f.stack[f.sp - 1]!);
}

/**
 * The RuntimeWarning CPython prints when a coroutine is freed before it ever ran
 * (warnings._warn_unawaited_coroutine with the default filter: once per message and line), at
 * the Python line running when it was freed.
 */
export function installUnawaitedWarning(interp: Interpreter): void {
  const shown = new Set<string>();
  coroutineSupport.unawaited = (coro) => {
    const msg = `coroutine '${coro.qualname}' was never awaited`;
    const f = interp.frame;
    let where = 'sys:1';
    let sourceLine = '';
    if (f !== null) {
      const file = f.code.co.co_filename;
      const line = lineForOffset(f.code, f.lasti);
      where = `${file}:${line}`;
      const text = interp.host.readFile(file);
      const l = text === null ? undefined : text.split(/\r?\n/)[line - 1];
      if (l !== undefined && l.trim() !== '') sourceLine = `  ${l.trim()}\n`;
    }
    const key = `${where}:${msg}`;
    if (shown.has(key)) return;
    shown.add(key);
    interp.host.writeStderr(`${where}: RuntimeWarning: ${msg}\n${sourceLine}` +
      'RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n');
  };
}
