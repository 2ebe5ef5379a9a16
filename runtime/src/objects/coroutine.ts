// Coroutines and delegation (Objects/genobject.c): the `coroutine` type's methods, and the
// throw()/close() logic shared by generators, coroutines and async generators.
//
// A generator suspended inside `yield from` / `await` is *delegating*: its frame stopped at the
// YIELD_VALUE that follows a SEND, the next instruction is RESUME with oparg >= 2, and the
// sub-iterator is on top of its value stack (CPython's _PyGen_yf). throw() and close() go to
// that sub-iterator first, as in CPython 3.11's _gen_throw/gen_close; when it finishes, the
// sub-iterator is popped and the delegating frame continues at the SEND's jump target.
//
// Invariants: the generator's state is Running while its sub-iterator is being thrown into (so
// re-entering it raises "already executing"), and back to Suspended before the frame resumes.

import { PyObject } from './pyobject';
import { PyType, makeStaticType } from './typeobject';
import type { Frame } from '../vm/frame';
import { PyGenerator, generatorType, coroutineType, GenState, clearUnfinishedFrame } from './generator';
import { newStr } from './str';
import { newBool } from './bool';
import { newTuple } from './tuple';
import { None } from './none';
import { defineMethods, defineGetSets } from './define';
import {
  newException, TypeError, StopIteration, GeneratorExit, RuntimeError, ValueError, PyBaseException, BaseException,
} from './exceptions';
import * as A from './abstract';
import { PyTraceback } from './traceback';
import { newRef, decref, track } from '../memory/heap';
import { hexAddr } from './objectMethods';
import { generatorSupport } from './functionMethods';
import { RESUME, SEND } from '../compiler/opcodes';

/** Hooks the VM installs (objects cannot see frames or the host). */
export const coroutineSupport = {
  /** Warn "coroutine '...' was never awaited" (a coroutine freed before it started). */
  unawaited: null as ((coro: PyGenerator) => void) | null,
};

// genobject.c _PyGen_Finalize: a coroutine that never started warns when it is freed.
coroutineType.tp_dealloc = (obj) => {
  const coro = obj as PyGenerator;
  if (coro.state === GenState.Created && coroutineSupport.unawaited !== null) coroutineSupport.unawaited(coro);
  clearUnfinishedFrame(coro);
};

/** What the type calls itself in "... already executing" / "... ignored GeneratorExit". */
export function genKind(gen: PyGenerator): string {
  if (gen.ob_type === coroutineType) return 'coroutine';
  if (gen.ob_type === generatorType) return 'generator';
  return 'async generator';
}

/** The sub-iterator `gen` is delegating to (borrowed), or null (CPython's _PyGen_yf). */
export function delegate(gen: PyGenerator): PyObject | null {
  if (gen.state !== GenState.Suspended) return null;
  const f = gen.frame as Frame;
  const next = f.co_code[f.ip];
  if ((next & 255) !== RESUME || (next >> 8) < 2 || f.sp < 1) return null;
  return f.stack[f.sp - 1] ?? null;
}

/**
 * Resume `gen` with a value or an exception: [yielded value, false] or [return value, true].
 * Checks the states CPython's gen_send_ex2 checks, with each type's wording.
 */
export function genSendEx(gen: PyGenerator, value: PyObject | null, exc: PyBaseException | null): [PyObject, boolean] {
  if (gen.state === GenState.Running) {
    throw newException(ValueError, `${genKind(gen)} already executing`);
  }
  if (gen.state === GenState.Closed && gen.ob_type === coroutineType && exc === null) {
    throw newException(RuntimeError, 'cannot reuse already awaited coroutine');
  }
  if (gen.state === GenState.Created && exc === null && value !== null && value !== None) {
    throw newException(TypeError, `can't send non-None value to a just-started ${genKind(gen)}`);
  }
  return generatorSupport.resume(gen, value, exc);
}

/** StopIteration(value) for a generator's return value (steals `v`). */
export function stopIteration(v: PyObject): PyBaseException {
  const e = newException(StopIteration);
  if (v !== None) {
    decref(e.args);
    e.args = newTuple([v]);
    e.extra = v;
  } else decref(v);
  return e;
}

/** The value a StopIteration carries (new reference). */
export function stopIterationValue(e: PyBaseException): PyObject {
  return newRef(e.extra ?? None);
}

function asPyException(e: unknown): PyBaseException {
  if (e instanceof PyBaseException) return e;
  throw e;
}

/** Close a sub-iterator: generators natively, anything else through its close() if it has one. */
function closeIter(yf: PyObject): void {
  if (yf instanceof PyGenerator && (yf.ob_type === generatorType || yf.ob_type === coroutineType)) {
    decref(genClose(yf));
    return;
  }
  const close = A.getAttrOrNull(yf, 'close');
  if (close === null) return;
  try {
    decref(A.call(close, []));
  } finally {
    decref(close);
  }
}

/**
 * throw() into `gen`: into its sub-iterator first when it delegates. `closeOnGenExit` is false
 * for async generators' athrow/aclose, which let awaits inside `finally` run (CPython's flag).
 * Steals `exc`.
 */
export function genThrowEx(gen: PyGenerator, exc: PyBaseException, closeOnGenExit = true): [PyObject, boolean] {
  const yf = delegate(gen);
  if (yf === null) return genSendEx(gen, null, exc);
  yf.ob_refcnt++;
  const saved = gen.state;
  if (closeOnGenExit && exc.ob_type.isSubtypeOf(GeneratorExit)) {
    let err: PyBaseException | null = null;
    gen.state = GenState.Running;
    try {
      closeIter(yf);
    } catch (e) {
      err = asPyException(e);
    } finally {
      gen.state = saved;
      decref(yf);
    }
    if (err !== null) {
      decref(exc);
      return genSendEx(gen, null, err);
    }
    return genSendEx(gen, null, exc);
  }
  let result: [PyObject, boolean] | null = null;
  let err: PyBaseException | null = null;
  const nested = yf instanceof PyGenerator && (yf.ob_type === generatorType || yf.ob_type === coroutineType);
  const meth = nested ? null : A.getAttrOrNull(yf, 'throw');
  if (!nested && meth === null) {
    // No throw() on the sub-iterator: raise at the delegating generator's own yield from
    // (outside the try below, whose handler would treat it as the sub-iterator's failure).
    decref(yf);
    return genSendEx(gen, null, exc);
  }
  gen.state = GenState.Running;
  try {
    if (nested) {
      const r = genThrowEx(yf as PyGenerator, exc, closeOnGenExit);
      if (r[1]) err = stopIteration(r[0]);
      else result = r;
    } else {
      try {
        result = [A.call(meth!, [exc.ob_type, exc, exc.traceback ?? None]), false];
      } finally {
        decref(meth!);
        decref(exc);
      }
    }
  } catch (e) {
    err = asPyException(e);
  } finally {
    gen.state = saved;
  }
  decref(yf);
  if (result !== null) return result;
  // The sub-iterator finished: pop it and continue the delegating frame at the SEND's target.
  const f = gen.frame as Frame;
  const receiver = f.stack[--f.sp]!;
  f.stack[f.sp] = null;
  decref(receiver);
  const sendIndex = f.ip - 2;
  const send = f.co_code[sendIndex];
  if ((send & 255) === SEND) f.ip = sendIndex + 1 + (send >> 8);
  if (err!.ob_type.isSubtypeOf(StopIteration)) {
    const v = stopIterationValue(err!);
    decref(err!);
    try {
      return genSendEx(gen, v, null);
    } finally {
      decref(v);
    }
  }
  return genSendEx(gen, null, err!);
}

/** close(): GeneratorExit at the suspension point (after closing the sub-iterator). */
export function genClose(gen: PyGenerator): PyObject {
  if (gen.state === GenState.Created) {
    clearUnfinishedFrame(gen); // the never-started frame is cleared: its arguments go now
    return newRef(None);
  }
  if (gen.state === GenState.Closed) return newRef(None);
  const yf = delegate(gen);
  let exc: PyBaseException | null = null;
  if (yf !== null) {
    yf.ob_refcnt++;
    const saved = gen.state;
    gen.state = GenState.Running;
    try {
      closeIter(yf);
    } catch (e) {
      exc = asPyException(e);
    } finally {
      gen.state = saved;
      decref(yf);
    }
  }
  try {
    const [v, done] = genSendEx(gen, null, exc ?? newException(GeneratorExit));
    // A generator that already finished while unwinding can come back without a value.
    if (v === undefined || v === null) return newRef(None);
    decref(v);
    if (!done) throw newException(RuntimeError, `${genKind(gen)} ignored GeneratorExit`);
  } catch (e) {
    if (e instanceof PyBaseException && (e.ob_type.isSubtypeOf(GeneratorExit) || e.ob_type.isSubtypeOf(StopIteration))) {
      decref(e);
      return newRef(None);
    }
    throw e;
  }
  return newRef(None);
}

/** The exception throw(typ[, val[, tb]]) raises (CPython's _gen_throw argument checks). */
export function throwArgument(args: PyObject[]): PyBaseException {
  const typ = args[0];
  const val = args.length > 1 ? args[1] : None;
  if (args.length > 2 && args[2] !== None && !(args[2] instanceof PyTraceback)) {
    throw newException(TypeError, 'throw() third argument must be a traceback object');
  }
  if (typ instanceof PyBaseException) {
    if (val !== None) throw newException(TypeError, 'instance exception may not have a separate value');
    return newRef(typ);
  }
  if (!(typ instanceof PyType) || !typ.isSubtypeOf(BaseException)) {
    throw newException(TypeError, `exceptions must be classes or instances deriving from BaseException, not ${A.typeName(typ)}`);
  }
  if (val instanceof PyBaseException && val.ob_type.isSubtypeOf(typ)) return newRef(val);
  const inst = A.call(typ, val === None ? [] : val.ob_type.name === 'tuple' ? A.toArray(val) : [val]);
  if (!(inst instanceof PyBaseException)) {
    throw newException(TypeError, `calling ${A.repr(typ)} should have returned an instance of BaseException, not ${A.typeName(inst)}`);
  }
  return inst;
}

/** The value of send()/throw(): the yielded value, or StopIteration carrying the return value. */
function finish([v, done]: [PyObject, boolean]): PyObject {
  if (done) throw stopIteration(v);
  return v;
}

// ---------------------------------------------------------------- generator and coroutine methods

for (const t of [generatorType, coroutineType]) {
  defineMethods(t, {
    send: (self, args) => finish(genSendEx(self as PyGenerator, args[0], null)),
    throw: (self, args) => finish(genThrowEx(self as PyGenerator, throwArgument(args))),
    close: (self) => genClose(self as PyGenerator),
  });
}

/** `coroutine_wrapper`: what coroutine.__await__() returns — an iterator over the coroutine. */
const coroutineWrapperType = makeStaticType('coroutine_wrapper', undefined, { gcHeader: true,
  basicsize: 24, isBaseType: false, tp_dealloc: (o) => decref((o as PyCoroutineWrapper).coro),
});
class PyCoroutineWrapper extends PyObject {
  constructor(readonly coro: PyGenerator) {
    super(coroutineWrapperType);
  }
}
defineMethods(coroutineWrapperType, {
  __iter__: (self) => newRef(self),
  __next__: (self) => finish(genSendEx((self as PyCoroutineWrapper).coro, null, null)),
  send: (self, args) => finish(genSendEx((self as PyCoroutineWrapper).coro, args[0], null)),
  throw: (self, args) => finish(genThrowEx((self as PyCoroutineWrapper).coro, throwArgument(args))),
  close: (self) => genClose((self as PyCoroutineWrapper).coro),
});

defineMethods(coroutineType, {
  __await__: (self) => {
    self.ob_refcnt++;
    return track(new PyCoroutineWrapper(self as PyGenerator), 24);
  },
  __repr__: (self) => newStr(`<coroutine object ${(self as PyGenerator).qualname} at ${hexAddr(self)}>`),
});
// Coroutines are not iterators (CPython's coroutine type has no __iter__/__next__).
coroutineType.deleteAttr('__iter__');
coroutineType.deleteAttr('__next__');

defineGetSets(coroutineType, {
  cr_running: [(self) => newBool((self as PyGenerator).state === GenState.Running)],
  cr_suspended: [(self) => newBool((self as PyGenerator).state === GenState.Suspended)],
  cr_code: [(self) => newRef((self as PyGenerator).code)],
  cr_frame: [(self) => ((self as PyGenerator).state === GenState.Closed ? newRef(None) : generatorSupport.frameObject(self as PyGenerator))],
  cr_await: [(self) => newRef(delegate(self as PyGenerator) ?? None)],
  cr_origin: [() => newRef(None)],
});
defineGetSets(generatorType, {
  gi_yieldfrom: [(self) => newRef(delegate(self as PyGenerator) ?? None)],
});

