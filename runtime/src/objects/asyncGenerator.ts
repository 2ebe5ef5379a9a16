// async_generator (Objects/genobject.c): a generator frame whose code has CO_ASYNC_GENERATOR,
// driven through awaitables. `asend()`/`__anext__()` return an `async_generator_asend`,
// `athrow()`/`aclose()` an `async_generator_athrow`; awaiting one resumes the generator.
//
// ASYNC_GEN_WRAP wraps every value of a `yield` in the body, so the awaitable can tell the
// generator's own yields (it raises StopIteration(value): the `await` finishes with it) from
// values yielded by an `await` inside the body (passed through to the event loop).
//
// Invariants: `runningAsync` is set while an asend/athrow awaitable is in progress (CPython's
// ag_running_async), `closed` once the generator returned, raised StopAsyncIteration/GeneratorExit
// or was aclose()d; an awaitable is single-use (state Closed afterwards).

import { PyObject } from './pyobject';
import { makeStaticType } from './typeobject';
import { PyGenerator, GenState, coroutineType } from './generator';
import * as A from './abstract';
import { newStr } from './str';
import { newBool } from './bool';
import { None } from './none';
import { defineMethods, defineGetSets } from './define';
import {
  newException, StopIteration, StopAsyncIteration, GeneratorExit, RuntimeError, PyBaseException, TypeError,
} from './exceptions';
import { newRef, decref, xdecref, track } from '../memory/heap';
import { hexAddr } from './objectMethods';
import { generatorSupport } from './functionMethods';
import { delegate, genSendEx, genThrowEx, genClose, stopIteration, throwArgument } from './coroutine';

export const asyncGeneratorType = makeStaticType('async_generator', undefined, { basicsize: 128, isBaseType: false });

/** Per-async-generator flags, kept beside the generator (CPython's ag_running_async, ag_closed). */
class AsyncGenFlags {
  runningAsync = false;
  closed = false;
  /** async_gen_init_hooks ran (on the first asend/athrow/aclose/__anext__). */
  hooksInitialized = false;
  /** The finalizer hook captured then (owned), called when the generator is freed unfinished. */
  finalizer: PyObject | null = null;
}

/**
 * sys.set_asyncgen_hooks's state (one per interpreter here): asyncio's loop installs them while it
 * runs, so an async generator it iterates is registered (firstiter) and, if dropped unfinished,
 * handed to the loop to aclose() (finalizer).
 */
export const asyncGenHooks = {
  firstiter: null as PyObject | null,
  finalizer: null as PyObject | null,
};

function initHooks(gen: PyGenerator): void {
  const fl = flagsOf(gen);
  if (fl.hooksInitialized) return;
  fl.hooksInitialized = true;
  if (asyncGenHooks.finalizer !== null) fl.finalizer = newRef(asyncGenHooks.finalizer);
  if (asyncGenHooks.firstiter !== null) decref(A.call(asyncGenHooks.firstiter, [gen]));
}
const flags = new WeakMap<PyGenerator, AsyncGenFlags>();
function flagsOf(gen: PyGenerator): AsyncGenFlags {
  let f = flags.get(gen);
  if (f === undefined) {
    f = new AsyncGenFlags();
    flags.set(gen, f);
  }
  return f;
}

// ---------------------------------------------------------------- wrapped values

const wrappedValueType = makeStaticType('async_generator_wrapped_value', undefined, {
  basicsize: 24, isBaseType: false, tp_dealloc: (o) => decref((o as PyAsyncGenWrappedValue).value),
});
export class PyAsyncGenWrappedValue extends PyObject {
  constructor(readonly value: PyObject) {
    super(wrappedValueType);
  }
}

/** ASYNC_GEN_WRAP: wrap a value the body yields (steals `v`). */
export function wrapAsyncGenValue(v: PyObject): PyObject {
  return track(new PyAsyncGenWrappedValue(v), 24);
}

/**
 * async_gen_unwrap_value: turn the outcome of resuming the generator into the awaitable's:
 * a wrapped yield becomes StopIteration(value), a return becomes StopAsyncIteration.
 */
function unwrap(gen: PyGenerator, step: () => [PyObject, boolean]): PyObject {
  const fl = flagsOf(gen);
  let r: [PyObject, boolean];
  try {
    r = step();
  } catch (e) {
    if (e instanceof PyBaseException && (e.ob_type.isSubtypeOf(StopAsyncIteration) || e.ob_type.isSubtypeOf(GeneratorExit))) fl.closed = true;
    fl.runningAsync = false;
    throw e;
  }
  const [v, done] = r;
  if (done) {
    decref(v);
    fl.closed = true;
    fl.runningAsync = false;
    throw newException(StopAsyncIteration);
  }
  if (v instanceof PyAsyncGenWrappedValue) {
    const inner = newRef(v.value);
    decref(v);
    fl.runningAsync = false;
    throw stopIteration(inner);
  }
  return v;
}

// ---------------------------------------------------------------- asend

const enum AwaitableState { Init, Iter, Closed }

const asendType = makeStaticType('async_generator_asend', undefined, {
  basicsize: 40, isBaseType: false,
  tp_dealloc: (o) => {
    const a = o as PyAsyncGenASend;
    decref(a.gen);
    xdecref(a.sendValue);
  },
});
class PyAsyncGenASend extends PyObject {
  state = AwaitableState.Init;
  constructor(readonly gen: PyGenerator, public sendValue: PyObject | null) {
    super(asendType);
  }
}

function asendSend(a: PyAsyncGenASend, arg: PyObject): PyObject {
  if (a.state === AwaitableState.Closed) throw newException(RuntimeError, 'cannot reuse already awaited __anext__()/asend()');
  const fl = flagsOf(a.gen);
  if (a.state === AwaitableState.Init) {
    if (fl.runningAsync) throw newException(RuntimeError, 'anext(): asynchronous generator is already running');
    if (arg === None && a.sendValue !== null) arg = a.sendValue;
    a.state = AwaitableState.Iter;
  }
  fl.runningAsync = true;
  try {
    return unwrap(a.gen, () => genSendEx(a.gen, arg, null));
  } catch (e) {
    a.state = AwaitableState.Closed;
    throw e;
  }
}

defineMethods(asendType, {
  __await__: (self) => newRef(self),
  __iter__: (self) => newRef(self),
  __next__: (self) => asendSend(self as PyAsyncGenASend, None),
  send: (self, args) => asendSend(self as PyAsyncGenASend, args[0]),
  throw: (self, args) => {
    const a = self as PyAsyncGenASend;
    if (a.state === AwaitableState.Closed) throw newException(RuntimeError, 'cannot reuse already awaited __anext__()/asend()');
    try {
      return unwrap(a.gen, () => genThrowEx(a.gen, throwArgument(args), true));
    } catch (e) {
      a.state = AwaitableState.Closed;
      throw e;
    }
  },
  close: (self) => {
    (self as PyAsyncGenASend).state = AwaitableState.Closed;
    return newRef(None);
  },
});

// ---------------------------------------------------------------- athrow / aclose

const athrowType = makeStaticType('async_generator_athrow', undefined, {
  basicsize: 40, isBaseType: false,
  tp_dealloc: (o) => {
    const a = o as PyAsyncGenAThrow;
    decref(a.gen);
    if (a.args !== null) for (const x of a.args) decref(x);
  },
});
class PyAsyncGenAThrow extends PyObject {
  state = AwaitableState.Init;
  /** The athrow() arguments, or null for aclose(). */
  constructor(readonly gen: PyGenerator, readonly args: PyObject[] | null) {
    super(athrowType);
  }
}

/** After aclose()'s GeneratorExit: a yield means the body ignored it; an end is success. */
function acloseOutcome(a: PyAsyncGenAThrow, step: () => [PyObject, boolean]): PyObject {
  const fl = flagsOf(a.gen);
  let r: [PyObject, boolean];
  try {
    r = step();
  } catch (e) {
    fl.runningAsync = false;
    a.state = AwaitableState.Closed;
    if (e instanceof PyBaseException && (e.ob_type.isSubtypeOf(StopAsyncIteration) || e.ob_type.isSubtypeOf(GeneratorExit))) {
      decref(e);
      throw newException(StopIteration);
    }
    throw e;
  }
  const [v, done] = r;
  if (done) {
    decref(v);
    fl.runningAsync = false;
    a.state = AwaitableState.Closed;
    throw newException(StopIteration);
  }
  if (v instanceof PyAsyncGenWrappedValue) {
    decref(v);
    fl.runningAsync = false;
    a.state = AwaitableState.Closed;
    throw newException(RuntimeError, 'async generator ignored GeneratorExit');
  }
  return v;
}

function athrowSend(a: PyAsyncGenAThrow, arg: PyObject): PyObject {
  const what = a.args === null ? 'aclose()' : 'athrow()';
  if (a.state === AwaitableState.Closed) throw newException(RuntimeError, 'cannot reuse already awaited aclose()/athrow()');
  const gen = a.gen;
  const fl = flagsOf(gen);
  if (gen.state === GenState.Closed) {
    a.state = AwaitableState.Closed;
    throw newException(StopIteration);
  }
  if (a.state === AwaitableState.Init) {
    if (fl.runningAsync) {
      a.state = AwaitableState.Closed;
      throw newException(RuntimeError, `${what}: asynchronous generator is already running`);
    }
    if (fl.closed) {
      a.state = AwaitableState.Closed;
      throw newException(StopAsyncIteration);
    }
    if (arg !== None) throw newException(RuntimeError, "can't send non-None value to a just-started coroutine");
    a.state = AwaitableState.Iter;
    fl.runningAsync = true;
    if (a.args === null) {
      fl.closed = true;
      return acloseOutcome(a, () => genThrowEx(gen, newException(GeneratorExit), false));
    }
    try {
      return unwrap(gen, () => genThrowEx(gen, throwArgument(a.args!), false));
    } catch (e) {
      a.state = AwaitableState.Closed;
      throw e;
    }
  }
  if (a.args === null) return acloseOutcome(a, () => genSendEx(gen, arg, null));
  try {
    return unwrap(gen, () => genSendEx(gen, arg, null));
  } catch (e) {
    a.state = AwaitableState.Closed;
    throw e;
  }
}

defineMethods(athrowType, {
  __await__: (self) => newRef(self),
  __iter__: (self) => newRef(self),
  __next__: (self) => athrowSend(self as PyAsyncGenAThrow, None),
  send: (self, args) => athrowSend(self as PyAsyncGenAThrow, args[0]),
  throw: (self, args) => {
    const a = self as PyAsyncGenAThrow;
    if (a.state === AwaitableState.Closed) throw newException(RuntimeError, 'cannot reuse already awaited aclose()/athrow()');
    if (a.args === null) return acloseOutcome(a, () => genThrowEx(a.gen, throwArgument(args), true));
    try {
      return unwrap(a.gen, () => genThrowEx(a.gen, throwArgument(args), true));
    } catch (e) {
      a.state = AwaitableState.Closed;
      throw e;
    }
  },
  close: (self) => {
    (self as PyAsyncGenAThrow).state = AwaitableState.Closed;
    return newRef(None);
  },
});

// ---------------------------------------------------------------- the async generator

function newASend(gen: PyGenerator, value: PyObject | null): PyObject {
  initHooks(gen);
  gen.ob_refcnt++;
  if (value !== null) value.ob_refcnt++;
  return track(new PyAsyncGenASend(gen, value), 40);
}

/** `__anext__()` of an async generator: the awaitable GET_ANEXT pushes. */
export function asyncGenANext(gen: PyGenerator): PyObject {
  return newASend(gen, null);
}

// _PyGen_Finalize for async generators: one dropped unfinished goes to the finalizer hook (the
// loop schedules its aclose(); the generator is resurrected by that reference), else it is
// closed here. A finished one needs nothing.
asyncGeneratorType.tp_dealloc = (obj) => {
  const gen = obj as PyGenerator;
  const fl = flags.get(gen);
  const finalizer = fl?.finalizer ?? null;
  if (fl !== undefined) fl.finalizer = null;
  if (gen.state === GenState.Closed || (fl !== undefined && fl.closed)) {
    xdecref(finalizer);
    return;
  }
  obj.ob_refcnt = 1;
  try {
    if (finalizer !== null) decref(A.call(finalizer, [gen]));
    else if (gen.state === GenState.Suspended) decref(genClose(gen));
  } catch (e) {
    A.callSupport.unraisable(e, obj);
  } finally {
    xdecref(finalizer);
  }
  obj.ob_refcnt--;
};

defineMethods(asyncGeneratorType, {
  __aiter__: (self) => newRef(self),
  __anext__: (self) => newASend(self as PyGenerator, null),
  asend: (self, args) => newASend(self as PyGenerator, args[0]),
  athrow: (self, args) => {
    initHooks(self as PyGenerator);
    self.ob_refcnt++;
    for (const x of args) x.ob_refcnt++;
    return track(new PyAsyncGenAThrow(self as PyGenerator, args.slice()), 40);
  },
  aclose: (self) => {
    initHooks(self as PyGenerator);
    self.ob_refcnt++;
    return track(new PyAsyncGenAThrow(self as PyGenerator, null), 40);
  },
  __repr__: (self) => newStr(`<async_generator object ${(self as PyGenerator).qualname} at ${hexAddr(self)}>`),
});

defineGetSets(asyncGeneratorType, {
  __name__: [(self) => newStr((self as PyGenerator).name)],
  __qualname__: [(self) => newStr((self as PyGenerator).qualname)],
  ag_running: [(self) => newBool(flagsOf(self as PyGenerator).runningAsync)],
  ag_code: [(self) => newRef((self as PyGenerator).code)],
  ag_frame: [(self) => ((self as PyGenerator).state === GenState.Closed ? newRef(None) : generatorSupport.frameObject(self as PyGenerator))],
  ag_await: [(self) => newRef(delegate(self as PyGenerator) ?? None)],
  ag_suspended: [(self) => newBool((self as PyGenerator).state === GenState.Suspended)],
});

// ---------------------------------------------------------------- anext(it, default)

const anextAwaitableType = makeStaticType('anext_awaitable', undefined, {
  basicsize: 32, isBaseType: false,
  tp_dealloc: (o) => {
    const a = o as PyAnextAwaitable;
    decref(a.wrapped);
    decref(a.defaultValue);
    xdecref(a.iter);
  },
});
class PyAnextAwaitable extends PyObject {
  iter: PyObject | null = null;
  constructor(readonly wrapped: PyObject, readonly defaultValue: PyObject) {
    super(anextAwaitableType);
  }
}

/** The awaitable anext(it, default) returns: the end of iteration becomes `default`. */
export function newAnextAwaitable(awaitable: PyObject, defaultValue: PyObject): PyObject {
  awaitable.ob_refcnt++;
  defaultValue.ob_refcnt++;
  return track(new PyAnextAwaitable(awaitable, defaultValue), 32);
}

function anextIter(a: PyAnextAwaitable): PyObject {
  if (a.iter === null) {
    const w = a.wrapped;
    if (w instanceof PyGenerator && w.ob_type === coroutineType) a.iter = newRef(w);
    else {
      const getter = w.ob_type.lookup('__await__');
      if (getter === null) throw newException(TypeError, `object ${w.ob_type.name} can't be used in 'await' expression`);
      a.iter = A.callBound(getter, w, []);
    }
  }
  return a.iter;
}

function anextStep(a: PyAnextAwaitable, how: (it: PyObject) => PyObject): PyObject {
  try {
    return how(anextIter(a));
  } catch (e) {
    if (e instanceof PyBaseException && e.ob_type.isSubtypeOf(StopAsyncIteration)) {
      decref(e);
      throw stopIteration(newRef(a.defaultValue));
    }
    throw e;
  }
}

defineMethods(anextAwaitableType, {
  __await__: (self) => newRef(self),
  __iter__: (self) => newRef(self),
  __next__: (self) => anextStep(self as PyAnextAwaitable, (it) => A.callMethod(it, 'send', [None])),
  send: (self, args) => anextStep(self as PyAnextAwaitable, (it) => A.callMethod(it, 'send', [args[0]])),
  throw: (self, args) => anextStep(self as PyAnextAwaitable, (it) => A.callMethod(it, 'throw', args)),
  close: (self) => {
    const a = self as PyAnextAwaitable;
    return a.iter === null ? newRef(None) : A.callMethod(a.iter, 'close', []);
  },
});
