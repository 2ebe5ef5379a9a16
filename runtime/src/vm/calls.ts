// Calls, frames and returns for the eval loop (part of CPython's ceval.c): pushing a frame for a
// Python callee inside the running loop (CALL, class instantiation with a Python __init__,
// CALL_FUNCTION_EX), returning and yielding out of a frame, and entering a generator's frame from
// FOR_ITER/SEND, so Python calls never grow the JS stack.
//
// Invariants: `interp.frame` is the innermost running frame and `interp.depth` counts the frames
// pushed (checked against the recursion limit in `pushFrame`); a finished frame's references are
// dropped by `releaseFrame` exactly once; a generator frame links its exception state onto
// `interp.excState` only while it runs.

import type { PyObject } from '../objects/pyobject';
import { PyType, typeType } from '../objects/typeobject';
import { decref, newRef, deallocate } from '../memory/heap';
// Hot paths write decref out (`if (--o.ob_refcnt === 0) deallocate(o)`), as the eval loop does: a
// shared decref sees every object shape, an inlined test only the few that reach each site.
import { None } from '../objects/none';
import { PyStr } from '../objects/str';
import { PyTuple } from '../objects/tuple';
import { PyDict } from '../objects/dict';
import { PyFunction, newFunction } from '../objects/function';
import { PyCode, CO_OPTIMIZED, CO_ASYNC_GENERATOR } from '../objects/code';
import { asyncGeneratorType } from '../objects/asyncGenerator';
import { genSendEx } from '../objects/coroutine';
import { newCell } from '../objects/cell';
import { PyMethod } from '../objects/method';
import { PyBuiltinFunction } from '../objects/builtinFunction';
import { PyGenerator, newGenerator, GenState, generatorType, coroutineType, generatorFrames } from '../objects/generator';
import * as E from '../objects/exceptions';
import { newException, PyBaseException } from '../objects/exceptions';
import { PyIterator } from '../objects/iterator';
import { frameObjectTakesOver } from '../objects/traceback';
import * as A from '../objects/abstract';
import { Frame, ReturnMode, ExcState, newFrame, recycleFrame } from './frame';
import { bindArguments } from './callArgs';
import { COPY_FREE_VARS, MAKE_CELL, RETURN_GENERATOR } from '../compiler/opcodes';
import type { Interpreter } from './interpreter';

/** A frame for calling `func` with borrowed `args` (native → Python calls). */
export function frameForCall(interp: Interpreter, func: PyFunction, args: PyObject[], kwnames: string[] | null): Frame {
  const code = func.code;
  const f = newFrame(code, func, func.globals, func.builtins, (code.co.co_flags & CO_OPTIMIZED) ? null : func.globals);
  for (let i = 0; i < args.length; i++) args[i].ob_refcnt++;
  bindArguments(func, f.fast, args, 0, args.length, kwnames);
  initFrameCells(interp, f, func);
  func.ob_refcnt++;
  return f;
}

/** MAKE_CELL/COPY_FREE_VARS are instructions in 3.11, so nothing to do here beyond closure checks. */
export function initFrameCells(_interp: Interpreter, _f: Frame, _func: PyFunction): void {}

export function pushFrame(interp: Interpreter, f: Frame): void {
  if (++interp.depth > interp.recursionLimit) {
    interp.depth--;
    releaseFrame(interp, f);
    throw newException(E.RecursionError, 'maximum recursion depth exceeded');
  }
  f.previous = interp.frame;
  interp.frame = f;
}

/** Drop a finished frame's references (locals, stack, function). */
export function releaseFrame(interp: Interpreter, f: Frame): void {
  // a frame object that outlives the frame (a traceback holds it) keeps its locals instead
  if (f.frameObject !== null && frameObjectTakesOver(f)) return;
  const fast = f.fast;
  for (let i = 0; i < fast.length; i++) {
    const v = fast[i];
    if (v !== null) {
      fast[i] = null;
      if (--v.ob_refcnt === 0) deallocate(v);
    }
  }
  const stack = f.stack;
  for (let i = 0; i < f.sp; i++) {
    const v = stack[i];
    stack[i] = null;
    if (v !== null && --v.ob_refcnt === 0) deallocate(v);
  }
  f.sp = 0;
  // the frame's reference to its function (a generator's frame too, when it finishes)
  if (f.func !== null) decref(f.func);
  if (f.localsSnapshot !== null) {
    decref(f.localsSnapshot);
    f.localsSnapshot = null;
  }
}

generatorFrames.release = (gen) => {
  const f = gen.frame as Frame;
  f.generator = null;
  releaseFrame(null as unknown as Interpreter, f);
};

export function makeGenerator(interp: Interpreter, f: Frame): PyObject {
  const kind = (f.code.co.co_flags & CO_ASYNC_GENERATOR) !== 0 ? asyncGeneratorType : f.code.isCoroutine ? coroutineType : generatorType;
  const gen = newGenerator(f.code, f, kind);
  f.generator = gen;
  f.excState = new ExcState(null, null);
  // The body starts with [MAKE_CELL/COPY_FREE_VARS...] RETURN_GENERATOR, POP_TOP: run the cell
  // set-up now and resume after RETURN_GENERATOR, so the first send's value lands on the stack
  // and is popped, as in CPython.
  const code = f.co_code;
  for (let i = 0; i < code.length; i++) {
    const opcode = code[i] & 255, oparg = code[i] >> 8;
    if (opcode === RETURN_GENERATOR) {
      f.ip = i + 1;
      break;
    }
    if (opcode === MAKE_CELL) f.fast[oparg] = newCell(f.fast[oparg]);
    else if (opcode === COPY_FREE_VARS) {
      const closure = f.func!.closure!.items;
      const base = f.code.nlocalsplus - oparg;
      for (let k = 0; k < oparg; k++) f.fast[base + k] = newRef(closure[k]);
    }
  }
  return gen;
}

export function popGenExcState(interp: Interpreter, f: Frame): void {
  if (f.excState !== null && interp.excState === f.excState) {
    interp.excState = f.excState.previous!;
    f.excState.previous = null;
  }
}

/**
 * CALL: Python functions (and classes whose __init__ is Python) get a frame pushed in this loop
 * and the new frame is returned; everything else is called natively and null returned.
 */
export function call(interp: Interpreter, f: Frame, oparg: number): Frame | null {
  const stack = f.stack;
  const base = f.sp - oparg - 2;
  let isMeth = stack[base] !== null;
  const kwnames = f.kwnames;
  f.kwnames = null;
  if (!isMeth) {
    const callable = stack[base + 1]!;
    if (callable instanceof PyMethod) {
      stack[base] = newRef(callable.func);
      stack[base + 1] = newRef(callable.self);
      if (--callable.ob_refcnt === 0) deallocate(callable);
      isMeth = true;
    }
  }
  const fnIndex = isMeth ? base : base + 1;
  const func = stack[fnIndex]!;
  const argStart = fnIndex + 1;
  const nargs = f.sp - argStart;
  if (func instanceof PyFunction) {
    const code = func.code;
    const nf = newFrame(code, func, func.globals, func.builtins, (code.co.co_flags & CO_OPTIMIZED) ? null : func.globals);
    try {
      bindArguments(func, nf.fast, stack, argStart, nargs, kwnames);
    } catch (e) {
      for (let i = argStart; i < f.sp; i++) stack[i] = null;
      f.sp = argStart;
      throw e;
    }
    for (let i = argStart; i < f.sp; i++) stack[i] = null;
    f.sp = base;
    stack[base] = stack[base + 1] = null;
    // The frame keeps the function alive; the stack's reference moves to it.
    if (code.isGenerator || code.isCoroutine) {
      stack[f.sp++] = makeGenerator(interp, nf);
      return null;
    }
    pushFrame(interp, nf);
    return nf;
  }
  if (func instanceof PyMethod && func.func instanceof PyFunction && !func.func.code.isGenerator && !func.func.code.isCoroutine) {
    // A bound method in the callable slot with its own first argument (the with statement's
    // `__exit__(None, None, None)`): run it in this loop, so it can switch threads and block.
    return enterWithSelf(interp, f, func.func, func.self, argStart, base, kwnames);
  }
  if (func instanceof PyType && func.ob_type === typeType) {
    const nf = instantiateInline(interp, f, func, argStart, nargs, kwnames, base);
    if (nf !== undefined) return nf;
  }
  if (func.ob_type.isHeapType) {
    // An instance of a class with a Python __call__ (functools.partial, decorator objects): run
    // __call__ in this loop, so a blocking call in it rewinds and switches threads like any other.
    const dunder = func.ob_type.lookup('__call__');
    if (dunder instanceof PyFunction && !dunder.code.isGenerator && !dunder.code.isCoroutine) {
      return enterWithSelf(interp, f, dunder, func, argStart, base, kwnames);
    }
  }
  const args = stack.slice(argStart, f.sp) as PyObject[];
  let r: PyObject;
  // kwnames stay on the frame until the native returns: a blocked call (a lock) reruns this CALL.
  f.kwnames = kwnames;
  if (func instanceof PyBuiltinFunction) r = func.fn(func.self ?? None, args, kwnames);
  else r = A.call(func, args, kwnames);
  f.kwnames = null;
  for (let i = base; i < f.sp; i++) {
    const v = stack[i];
    stack[i] = null;
    if (v !== null && --v.ob_refcnt === 0) deallocate(v);
  }
  f.sp = base;
  stack[f.sp++] = r;
  return null;
}

/**
 * Run a Python function in this loop with `self` before the stack's arguments (a bound method in
 * the callable slot, or an instance's Python __call__), so a blocking call inside it rewinds and
 * switches threads like any other call. The call's slots from `base` up are released.
 */
function enterWithSelf(interp: Interpreter, f: Frame, fn: PyFunction, self: PyObject, argStart: number, base: number, kwnames: string[] | null): Frame {
  const stack = f.stack;
  const callArgs = [self, ...(stack.slice(argStart, f.sp) as PyObject[])];
  const nf = frameForCall(interp, fn, callArgs, kwnames);
  for (let i = base; i < f.sp; i++) {
    const v = stack[i];
    stack[i] = null;
    if (v !== null && --v.ob_refcnt === 0) deallocate(v);
  }
  f.sp = base;
  pushFrame(interp, nf);
  return nf;
}

/** Class instantiation with object.__new__ and a Python __init__: run __init__ in this loop. */
export function instantiateInline(interp: Interpreter, f: Frame, type: PyType, argStart: number, nargs: number, kwnames: string[] | null, base: number): Frame | undefined {
  const init = type.lookup('__init__');
  if (!(init instanceof PyFunction)) return undefined;
  const newFn = type.lookup('__new__');
  interp.objectNew ??= (type.mro[type.mro.length - 1].attrs.get('__new__') ?? null);
  if (newFn !== interp.objectNew || type.newInstance === null || init.code.isGenerator) return undefined;
  const obj = type.newInstance(type);
  const stack = f.stack;
  const args: (PyObject | null)[] = [obj];
  for (let i = argStart; i < f.sp; i++) args.push(stack[i]);
  const nf = newFrame(init.code, init, init.globals, init.builtins, null);
  obj.ob_refcnt++; // one for `self`, one kept by the frame to push after __init__
  try {
    bindArguments(init, nf.fast, args, 0, nargs + 1, kwnames);
  } catch (e) {
    for (let i = argStart; i < f.sp; i++) stack[i] = null;
    f.sp = argStart;
    if (--obj.ob_refcnt === 0) deallocate(obj);
    throw e;
  }
  for (let i = argStart; i < f.sp; i++) stack[i] = null;
  init.ob_refcnt++;
  if (--type.ob_refcnt === 0) deallocate(type);
  f.sp = base;
  stack[base] = stack[base + 1] = null;
  nf.returnMode = ReturnMode.Init;
  nf.initSelf = obj;
  pushFrame(interp, nf);
  return nf;
}

export function callFunctionEx(interp: Interpreter, f: Frame, oparg: number): Frame | null {
  const stack = f.stack;
  let kwargs: PyObject | null = null;
  if (oparg & 1) {
    kwargs = stack[--f.sp]!;
    stack[f.sp] = null;
  }
  const callargs = stack[--f.sp]!;
  stack[f.sp] = null;
  const func = stack[f.sp - 1]!;
  try {
    let args: PyObject[];
    if (callargs instanceof PyTuple) args = callargs.items;
    else {
      if (callargs.ob_type.lookup('__iter__') === null && callargs.ob_type.lookup('__getitem__') === null) {
        throw newException(E.TypeError, `${funcDescription(func)} argument after * must be an iterable, not ${A.typeName(callargs)}`);
      }
      args = A.toArray(callargs);
      for (const a of args) a.ob_refcnt--;
    }
    let kwnames: string[] | null = null;
    if (kwargs !== null) {
      if (!(kwargs instanceof PyDict)) throw newException(E.TypeError, `${funcDescription(func)} argument after ** must be a mapping, not ${A.typeName(kwargs)}`);
      if (kwargs.used > 0) {
        kwnames = [];
        args = args.slice();
        for (const [k, v] of kwargs.entries()) {
          if (!(k instanceof PyStr)) throw newException(E.TypeError, 'keywords must be strings');
          kwnames.push(k.value);
          args.push(v);
        }
      }
    }
    // A Python callee (a thread's `self._target(*self._args)`) runs in this loop, as CALL's do.
    let callee = func;
    if (callee instanceof PyMethod && callee.func instanceof PyFunction) {
      args = [callee.self, ...args];
      callee = callee.func;
    } else if (callee.ob_type.isHeapType) {
      // an instance with a Python __call__ (functools.partial), as in CALL
      const dunder = callee.ob_type.lookup('__call__');
      if (dunder instanceof PyFunction && !dunder.code.isGenerator && !dunder.code.isCoroutine) {
        args = [callee, ...args];
        callee = dunder;
      }
    }
    if (callee instanceof PyFunction && !callee.code.isGenerator && !callee.code.isCoroutine) {
      const nf = frameForCall(interp, callee, args, kwnames);
      stack[f.sp - 1] = null;
      if (--func.ob_refcnt === 0) deallocate(func);
      f.sp -= 2; // the function and the NULL below it: the return value lands there
      pushFrame(interp, nf);
      return nf;
    }
    const r = A.call(func, args, kwnames);
    stack[f.sp - 1] = null;
    if (--func.ob_refcnt === 0) deallocate(func);
    f.sp--;
    stack[f.sp - 1] = r; // replaces the NULL below the function
    return null;
  } finally {
    if (--callargs.ob_refcnt === 0) deallocate(callargs);
    if (kwargs !== null && --kwargs.ob_refcnt === 0) deallocate(kwargs);
  }
}

/** RETURN_VALUE: pop the frame; returns the caller frame to continue in, or null to leave the loop. */
export function returnFromFrame(interp: Interpreter, f: Frame, v: PyObject): Frame | null {
  interp.frame = f.previous;
  interp.depth--;
  const gen = f.generator;
  let mode = f.returnMode;
  if (gen !== null) {
    gen.state = GenState.Closed;
    popGenExcState(interp, f);
    releaseFrame(interp, f);
    f.generator = null;
    if (f.entry) {
      f.entry = false;
      interp.genReturned = true;
      return null;
    }
  } else {
    releaseFrame(interp, f);
    if (f.entry) {
      if (interp.observer === null) recycleFrame(f);
      return null;
    }
  }
  const caller = interp.frame!;
  const stack = caller.stack;
  switch (mode) {
    case ReturnMode.Push:
      stack[caller.sp++] = v;
      break;
    case ReturnMode.Init: {
      const self = f.initSelf!;
      f.initSelf = null;
      if (v !== None) {
        const n = A.typeName(v);
        if (--v.ob_refcnt === 0) deallocate(v);
        if (--self.ob_refcnt === 0) deallocate(self);
        throw newException(E.TypeError, `__init__() should return None, not '${n}'`);
      }
      if (--v.ob_refcnt === 0) deallocate(v);
      stack[caller.sp++] = self;
      break;
    }
    case ReturnMode.ForIter: {
      // The generator is exhausted: drop it from the caller's stack and leave the loop.
      if (--v.ob_refcnt === 0) deallocate(v);
      const it = stack[--caller.sp]!;
      stack[caller.sp] = null;
      if (--it.ob_refcnt === 0) deallocate(it);
      caller.ip = f.jumpTarget;
      break;
    }
    case ReturnMode.Send: {
      const receiver = stack[caller.sp - 1]!;
      stack[caller.sp - 1] = v;
      if (--receiver.ob_refcnt === 0) deallocate(receiver);
      caller.ip = f.jumpTarget;
      break;
    }
  }
  if (gen === null && interp.observer === null) recycleFrame(f);
  return caller;
}

/** YIELD_VALUE: suspend the generator frame and hand the value to whoever resumed it. */
export function yieldFromFrame(interp: Interpreter, f: Frame, v: PyObject): Frame | null {
  const gen = f.generator!;
  gen.state = GenState.Suspended;
  popGenExcState(interp, f);
  interp.frame = f.previous;
  f.previous = null;
  interp.depth--;
  if (f.entry) {
    f.entry = false;
    return null;
  }
  const caller = interp.frame!;
  caller.stack[caller.sp++] = v;
  return caller;
}

/** Resume a generator inside this loop (FOR_ITER, SEND). Returns its frame. */
export function enterGenerator(interp: Interpreter, gen: PyGenerator, mode: ReturnMode, jumpTarget: number, value: PyObject): Frame {
  const gf = gen.frame as Frame;
  gen.state = GenState.Running;
  gf.returnMode = mode;
  gf.jumpTarget = jumpTarget;
  gf.entry = false;
  gf.excState!.previous = interp.excState;
  interp.excState = gf.excState!;
  value.ob_refcnt++;
  gf.stack[gf.sp++] = value;
  try {
    pushFrame(interp, gf);
  } catch (e) {
    gen.state = GenState.Suspended;
    popGenExcState(interp, gf);
    throw e;
  }
  return gf;
}

export function send(interp: Interpreter, f: Frame, oparg: number): Frame | null {
  const stack = f.stack;
  const v = stack[f.sp - 1]!;
  const receiver = stack[f.sp - 2]!;
  if (receiver instanceof PyGenerator && receiver.state !== GenState.Running && receiver.state !== GenState.Closed) {
    stack[--f.sp] = null;
    const gf = enterGenerator(interp, receiver, ReturnMode.Send, f.ip + oparg, v);
    if (--v.ob_refcnt === 0) deallocate(v);
    return gf;
  }
  let r: PyObject | null;
  let finished: PyObject | null = null;
  if (receiver instanceof PyGenerator) {
    const [value, done] = genSendEx(receiver, v, null);
    if (done) finished = value;
    else r = value;
  } else {
    // Any other iterator (an __await__ iterator, an async generator's asend object...): its
    // StopIteration carries the value of the `yield from` / `await` (PyIter_Send).
    try {
      if (v !== None) r = A.callMethod(receiver, 'send', [v]);
      else if (receiver instanceof PyIterator) {
        r = receiver.nextItem();
        if (r === null) finished = newRef(None);
      } else {
        const next = receiver.ob_type.lookup('__next__');
        if (next === null) throw newException(E.TypeError, `'${A.typeName(receiver)}' object is not an iterator`);
        r = A.callBound(next, receiver, []);
      }
    } catch (e) {
      if (!(e instanceof PyBaseException) || !e.ob_type.isSubtypeOf(E.StopIteration)) throw e;
      finished = newRef(e.extra ?? None);
      if (--e.ob_refcnt === 0) deallocate(e);
    }
  }
  if (finished !== null) {
    stack[--f.sp] = null;
    if (--v.ob_refcnt === 0) deallocate(v);
    stack[f.sp - 1] = finished;
    if (--receiver.ob_refcnt === 0) deallocate(receiver);
    f.ip += oparg;
    return null;
  }
  stack[f.sp - 1] = r!;
  if (--v.ob_refcnt === 0) deallocate(v);
  return null;
}

export function makeFunction(interp: Interpreter, f: Frame, flags: number): void {
  const stack = f.stack;
  const code = stack[--f.sp] as PyCode;
  stack[f.sp] = null;
  const func = newFunction(code, f.globals, f.builtins);
  if (flags & 8) {
    func.closure = stack[--f.sp] as PyTuple;
    stack[f.sp] = null;
  }
  if (flags & 4) {
    func.annotations = stack[--f.sp];
    stack[f.sp] = null;
  }
  if (flags & 2) {
    func.kwdefaults = stack[--f.sp] as PyDict;
    stack[f.sp] = null;
  }
  if (flags & 1) {
    func.defaults = stack[--f.sp] as PyTuple;
    stack[f.sp] = null;
  }
  const doc = code.consts.length > 0 && code.consts[0] instanceof PyStr && (code.co.co_flags & 0x4000000) === 0 ? null : null;
  void doc;
  const modname = f.globals.getStr('__name__');
  if (modname !== undefined) func.module = newRef(modname);
  func.doc = code.docstring !== null ? newRef(code.docstring) : newRef(None);
  if (--code.ob_refcnt === 0) deallocate(code);
  stack[f.sp++] = func;
}

/** _PyObject_FunctionStr: "module.qualname()" (no module for builtins), else str(func). Only for error texts. */
export function funcDescription(func: PyObject): string {
  const qualname = A.getAttrOrNull(func, '__qualname__');
  if (qualname === null) return A.str(func);
  try {
    const module = A.getAttrOrNull(func, '__module__');
    let prefix = '';
    if (module !== null) {
      if (module !== None && !(module instanceof PyStr && module.value === 'builtins')) prefix = `${A.str(module)}.`;
      decref(module);
    }
    return `${prefix}${A.str(qualname)}()`;
  } finally {
    decref(qualname);
  }
}
