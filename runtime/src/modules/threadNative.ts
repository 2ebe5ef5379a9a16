// _thread_native: the primitives runtime/lib/_thread.py builds CPython's _thread module on —
// starting a thread, thread identity, and the lock (a PyThread_type_lock: acquire with blocking
// and timeout, release). Everything that waits goes through the scheduler's restartable blocking
// (threads/scheduler.ts): a native that must wait calls `block`, and is called again from scratch
// when its thread is woken, reading `retryState()` to keep its deadline and learn of a timeout.
//
// Invariant: a lock's state lives here, keyed by its Python object; a release wakes every thread
// blocked on it, and they race to re-acquire when they next hold the GIL, as OS threads do.
//
// _thread._local (localobject in Modules/_threadmodule.c) is native too: one attribute dict per
// thread. The dict of the thread that touched the object last sits in the object's `dict` slot
// (so the generic attribute code, the GC's traverse and dealloc see it as an instance dict); the
// other threads' dicts wait in `others`. Each dict is owned exactly once, by the slot or by the
// map, and is released when its thread ends or the object dies.

import type { PyObject } from '../objects/pyobject';
import { newIntValue, newInt } from '../objects/int';
import { True, False, newBool } from '../objects/bool';
import { None } from '../objects/none';
import { PyTuple } from '../objects/tuple';
import { PyDict } from '../objects/dict';
import { PyStr, newStr } from '../objects/str';
import { formatException } from '../vm/traceback';
import { STDLIB_DIR, stdlibFileText } from './stdlib';
import { newFloat } from '../objects/float';
import { PyBaseException, newException, TypeError, RuntimeError, ValueError, OverflowError } from '../objects/exceptions';
import * as A from '../objects/abstract';
import { newRef } from '../memory/heap';
import { nativeModule, floatArg, expectArgs } from './nativeModule';
import { makeStaticType, objectType, type PyType } from '../objects/typeobject';
import { defineMethods, defineNew } from '../objects/define';
import { hexAddr } from '../objects/objectMethods';
import type { Interpreter } from '../vm/interpreter';
import type { ThreadState } from '../threads/threadState';
import { PyObject as PyObjectClass } from '../objects/pyobject';
import { AttributeError } from '../objects/exceptions';
import { track, decref, isFreed } from '../memory/heap';
import { moduleQualifiedName } from '../objects/objectMethods';

/** PY_TIMEOUT_MAX / 1e6 on 64-bit Linux, as threading.TIMEOUT_MAX shows it. */
const TIMEOUT_MAX = 9223372036.0;

class LockState {
  locked = false;
}

/** _thread.lock (CPython's lockobject: 56 bytes with its weakref list and lock pointer). */
export const lockType = makeStaticType('lock', objectType, { module: '_thread', isBaseType: false, basicsize: 56 });
defineNew(lockType, () => {
  throw newException(TypeError, "cannot create '_thread.lock' instances");
});

/** The interpreter whose scheduler the lock methods block through (one per run). */
let lockInterp: Interpreter | null = null;
const lockStates = new WeakMap<PyObject, LockState>();

function lockStateOf(lock: PyObject): LockState {
  let s = lockStates.get(lock);
  if (s === undefined) lockStates.set(lock, (s = new LockState()));
  return s;
}

/** Release and wake the threads waiting for it (they race to re-acquire, as OS threads do). */
function releaseLockState(s: LockState): void {
  s.locked = false;
  lockInterp!.threads.wake(s);
}

/** acquire(blocking=True, timeout=-1), restartable: a thread that must wait blocks and reruns it. */
function acquireLock(lock: PyObject, blocking: boolean, timeout: number): boolean {
  if (!blocking && timeout !== -1) throw newException(ValueError, "can't specify a timeout for a non-blocking call");
  if (timeout < 0 && timeout !== -1) throw newException(ValueError, 'timeout value must be positive');
  if (timeout > TIMEOUT_MAX) throw newException(OverflowError, 'timeout value is too large');
  const s = lockStateOf(lock);
  const sched = lockInterp!.threads;
  for (;;) {
    if (!s.locked) {
      s.locked = true;
      sched.done();
      return true;
    }
    const retry = sched.retryState();
    if (!blocking || (retry !== null && retry.timedOut) || timeout === 0) {
      sched.done();
      return false;
    }
    const deadline = retry?.deadlineNs ?? (timeout < 0 ? null : sched.nowNs() + Math.round(timeout * 1e9));
    sched.block(s, deadline, 'lock');
  }
}

function acquireArgs(args: PyObject[], kwnames: string[] | null): [boolean, number] {
  let blocking: PyObject | undefined;
  let timeout: PyObject | undefined;
  const npos = args.length - (kwnames?.length ?? 0);
  if (npos > 2) throw newException(TypeError, `acquire() takes at most 2 arguments (${npos} given)`);
  if (npos > 0) blocking = args[0];
  if (npos > 1) timeout = args[1];
  kwnames?.forEach((k, i) => {
    const v = args[npos + i];
    if (k === 'blocking') blocking = v;
    else if (k === 'timeout') timeout = v;
    else throw newException(TypeError, `'${k}' is an invalid keyword argument for acquire()`);
  });
  return [blocking === undefined ? true : A.isTrue(blocking), timeout === undefined ? -1 : floatArg(timeout)];
}

function release(lock: PyObject): void {
  const s = lockStateOf(lock);
  if (!s.locked) throw newException(RuntimeError, 'release unlocked lock');
  releaseLockState(s);
}

const acquireMethod = (self: PyObject, args: PyObject[], kwnames: string[] | null) => newRef(newBool(acquireLock(self, ...acquireArgs(args, kwnames))));
const releaseMethod = (self: PyObject) => {
  release(self);
  return newRef(None);
};
const lockedMethod = (self: PyObject) => newRef(newBool(lockStateOf(self).locked));
defineMethods(lockType, {
  acquire: acquireMethod,
  acquire_lock: acquireMethod,
  release: releaseMethod,
  release_lock: releaseMethod,
  locked: lockedMethod,
  locked_lock: lockedMethod,
  __enter__: (self) => newRef(newBool(acquireLock(self, true, -1))),
  __exit__: (self) => {
    release(self);
    return newRef(None);
  },
  _at_fork_reinit: (self) => {
    lockStateOf(self).locked = false;
    return newRef(None);
  },
  __repr__: (self) => newStr(`<${lockStateOf(self).locked ? 'locked' : 'unlocked'} _thread.lock object at ${hexAddr(self)}>`),
});

/** A _thread._local instance: the current owner's dict in `dict`, the other threads' in `others`. */
class PyLocal extends PyObjectClass {
  declare owner: ThreadState | null;
  declare others: Map<ThreadState, PyDict> | null;
  /** The constructor's arguments, passed to __init__ again in each new thread (owned). */
  declare initArgs: PyObject[];
  declare initKwnames: string[] | null;
  constructor(type: PyType) {
    super(type);
    this.owner = null;
    this.others = null;
    this.initArgs = [];
    this.initKwnames = null;
  }
}

/** CPython's localobject: 64 bytes (80 with the GC header, as sys.getsizeof shows). */
export const localType = makeStaticType('_local', objectType, { module: '_thread', basicsize: 64, gcHeader: true });
localType.newInstance = (type) => track(new PyLocal(type), type.basicsize);
localType.tp_dealloc = (obj) => {
  const self = obj as PyLocal;
  const held: PyObject[] = [...self.initArgs];
  self.initArgs = [];
  if (self.others !== null) for (const d of self.others.values()) held.push(d);
  self.others = null;
  self.owner = null;
  if (self.dict !== null) held.push(self.dict);
  self.dict = null;
  for (const o of held) decref(o);
};

let objectInitDescr: PyObject | null = null;
const hasOwnInit = (type: PyType) => type.lookup('__init__') !== (objectInitDescr ??= objectType.attrs.get('__init__')!);

defineNew(localType, (_cls, args, kwnames) => {
  const cls = args[0] as PyType;
  const rest = args.slice(1);
  if (rest.length > 0 && !hasOwnInit(cls)) throw newException(TypeError, 'Initialization arguments are not supported');
  const self = cls.newInstance!(cls) as PyLocal;
  for (const a of rest) a.ob_refcnt++;
  self.initArgs = rest;
  self.initKwnames = kwnames;
  // The creating thread's dict exists from the start; __init__ runs for it through type_call.
  self.dict = A.dictFactory();
  self.owner = lockInterp!.threads.current;
  onThreadEnd(self, self.owner);
  return self;
});

/** The thread's end releases its dict of `self` (CPython: the thread state's dict drops it). */
function onThreadEnd(self: PyLocal, thread: ThreadState): void {
  thread.sentinels.push(() => {
    if (isFreed(self)) return;
    let d: PyDict | undefined;
    if (self.owner === thread) {
      d = self.dict ?? undefined;
      self.dict = null;
      self.owner = null;
    } else if (self.others !== null) {
      d = self.others.get(thread);
      self.others.delete(thread);
    }
    if (d === undefined) return;
    // Values' __del__ may run Python code: not as the finished thread's outermost activation.
    lockInterp!.nesting++;
    try {
      decref(d);
    } finally {
      lockInterp!.nesting--;
    }
  });
}

/** _ldict: the running thread's dict, swapped into the `dict` slot; a new thread's first use runs __init__. */
function localDict(self: PyLocal): PyDict {
  const me = lockInterp!.threads.current;
  if (self.owner === me && self.dict !== null) return self.dict;
  if (self.owner !== null && self.dict !== null) (self.others ??= new Map()).set(self.owner, self.dict);
  self.dict = null;
  const mine = self.others?.get(me);
  if (mine !== undefined) {
    self.others!.delete(me);
    self.dict = mine;
    self.owner = me;
    return mine;
  }
  const d = (self.dict = A.dictFactory());
  self.owner = me;
  onThreadEnd(self, me);
  const type = self.ob_type;
  if (hasOwnInit(type)) decref(A.callBound(type.lookup('__init__')!, self, self.initArgs, self.initKwnames));
  // __init__ may have touched the object from this thread only: the slot still holds this dict.
  return d;
}

function localTypeName(self: PyObject): string {
  return self.ob_type.isHeapType ? self.ob_type.name : moduleQualifiedName(self.ob_type);
}

function localNoAttribute(self: PyObject, name: string): PyBaseException {
  const e = newException(AttributeError, `'${localTypeName(self)}' object has no attribute '${name}'`);
  e.name = newStr(name);
  e.extra = newRef(self);
  return e;
}

function attrName(args: PyObject[]): string {
  const n = args[0];
  if (!(n instanceof PyStr)) throw newException(TypeError, `attribute name must be string, not '${A.typeName(n)}'`);
  return n.value;
}

defineMethods(localType, {
  __getattribute__: (self, args) => {
    const name = attrName(args);
    const d = localDict(self as PyLocal);
    if (name === '__dict__') return newRef(d);
    const v = A.genericGetAttr(self, name);
    if (v === null) throw localNoAttribute(self, name);
    return v;
  },
  __setattr__: (self, args) => {
    const name = attrName(args);
    localDict(self as PyLocal);
    if (name === '__dict__') throw newException(AttributeError, `'${localTypeName(self)}' object attribute '__dict__' is read-only`);
    A.genericSetAttr(self, name, args[1]);
    return newRef(None);
  },
  __delattr__: (self, args) => {
    const name = attrName(args);
    localDict(self as PyLocal);
    if (name === '__dict__') throw newException(AttributeError, `'${localTypeName(self)}' object attribute '__dict__' is read-only`);
    try {
      A.genericSetAttr(self, name, null);
    } catch (e) {
      if (e instanceof PyBaseException && e.ob_type.isSubtypeOf(AttributeError)) {
        decref(e);
        throw localNoAttribute(self, name);
      }
      throw e;
    }
    return newRef(None);
  },
});

export function makeThreadNative(interp: Interpreter) {
  const m = nativeModule('_thread_native');
  lockInterp = interp;
  const threads = () => interp.threads;
  const stateOf = lockStateOf;
  const releaseState = releaseLockState;
  m.put('LockType', newRef(lockType));
  m.put('LocalType', newRef(localType));
  A.staticTypesWithSetAttr.add(localType);
  m.def('allocate_lock', () => lockType.newInstance!(lockType));

  m.def('start_new_thread', (_s, args, kw) => {
    expectArgs('start_new_thread', args, kw, 2, 3);
    const [func, fargs, fkw] = args;
    if (func.ob_type.lookup('__call__') === null) throw newException(TypeError, 'first arg must be callable');
    if (!(fargs instanceof PyTuple)) throw newException(TypeError, '2nd arg must be a tuple');
    let callArgs = fargs.items.slice();
    let kwnames: string[] | null = null;
    if (fkw !== undefined && fkw !== None) {
      if (!(fkw instanceof PyDict)) throw newException(TypeError, 'optional 3rd arg must be a dictionary');
      kwnames = [];
      for (const [k, v] of fkw.entries()) {
        kwnames.push((k as PyStr).value);
        callArgs.push(v);
      }
      if (kwnames.length === 0) kwnames = null;
    }
    const t = threads().startThread(func, callArgs, kwnames);
    callArgs = [];
    return newIntValue(BigInt(t.ident));
  });
  m.def('get_ident', () => newIntValue(BigInt(threads().current.ident)));
  m.def('get_native_id', () => newInt(threads().current.nativeId));
  m.def('_count', () => newInt(Math.max(0, threads().aliveCount() - (threads().main.state === 'finished' ? 0 : 1))));
  m.def('set_name', (_s, args) => {
    if (args[0] instanceof PyStr) threads().current.name = args[0].value;
    return newRef(None);
  });
  m.def('set_daemon', (_s, args) => {
    threads().current.daemon = A.isTrue(args[0]);
    return newRef(None);
  });
  m.put('TIMEOUT_MAX', newFloat(TIMEOUT_MAX));
  // The traceback text of an exception, as CPython prints it (threading.excepthook's output).
  const sourceCache = new Map<string, string[] | null>();
  const source = (filename: string) => {
    if (!sourceCache.has(filename)) {
      const text = filename.startsWith(STDLIB_DIR + '/') ? stdlibFileText(filename) : interp.host.readFile(filename);
      sourceCache.set(filename, text === null ? null : text.split(/\r?\n/));
    }
    return sourceCache.get(filename)!;
  };
  m.def('format_exception', (_s, args) => {
    const exc = args[0];
    if (!(exc instanceof PyBaseException)) throw newException(TypeError, 'format_exception() expects an exception');
    return newStr(formatException(exc, source, () => interp.builtins.keyList().map((k) => (k as PyStr).value)));
  });

  /** lock_acquire(lock, blocking, timeout) -> bool, with CPython's argument checks. */
  m.def('lock_acquire', (_s, args) => newRef(newBool(acquireLock(args[0], A.isTrue(args[1]), floatArg(args[2])))));
  m.def('lock_release', (_s, args) => {
    const s = stateOf(args[0]);
    if (!s.locked) throw newException(RuntimeError, 'release unlocked lock');
    releaseState(s);
    return newRef(None);
  });
  m.def('lock_locked', (_s, args) => newRef(newBool(stateOf(args[0]).locked)));
  /** The current thread's end releases `lock` (threading's _tstate_lock). */
  m.def('release_at_exit', (_s, args) => {
    const s = stateOf(args[0]);
    threads().current.sentinels.push(() => {
      if (s.locked) releaseState(s);
    });
    return newRef(None);
  });
  return m.module;
}
