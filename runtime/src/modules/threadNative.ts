// _thread_native: the primitives runtime/lib/_thread.py builds CPython's _thread module on —
// starting a thread, thread identity, and the lock (a PyThread_type_lock: acquire with blocking
// and timeout, release). Everything that waits goes through the scheduler's restartable blocking
// (threads/scheduler.ts): a native that must wait calls `block`, and is called again from scratch
// when its thread is woken, reading `retryState()` to keep its deadline and learn of a timeout.
//
// Invariant: a lock's state lives here, keyed by its Python object; a release wakes every thread
// blocked on it, and they race to re-acquire when they next hold the GIL, as OS threads do.

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
import type { Interpreter } from '../vm/interpreter';

/** PY_TIMEOUT_MAX / 1e6 on 64-bit Linux, as threading.TIMEOUT_MAX shows it. */
const TIMEOUT_MAX = 9223372036.0;

class LockState {
  locked = false;
}

export function makeThreadNative(interp: Interpreter) {
  const m = nativeModule('_thread_native');
  const threads = () => interp.threads;
  const locks = new WeakMap<PyObject, LockState>();
  const stateOf = (lock: PyObject): LockState => {
    let s = locks.get(lock);
    if (s === undefined) locks.set(lock, (s = new LockState()));
    return s;
  };
  const releaseState = (s: LockState): void => {
    s.locked = false;
    threads().wake(s);
  };

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
  m.def('lock_acquire', (_s, args) => {
    const s = stateOf(args[0]);
    const blocking = A.isTrue(args[1]);
    const timeout = floatArg(args[2]);
    if (!blocking && timeout !== -1) throw newException(ValueError, "can't specify a timeout for a non-blocking call");
    if (timeout < 0 && timeout !== -1) throw newException(ValueError, 'timeout value must be a non-negative number');
    if (timeout > TIMEOUT_MAX) throw newException(OverflowError, 'timeout value is too large');
    const sched = threads();
    for (;;) {
      if (!s.locked) {
        s.locked = true;
        sched.done();
        return newRef(True);
      }
      const retry = sched.retryState();
      if (!blocking || (retry !== null && retry.timedOut) || timeout === 0) {
        sched.done();
        return newRef(False);
      }
      const deadline = retry?.deadlineNs ?? (timeout < 0 ? null : sched.nowNs() + Math.round(timeout * 1e9));
      sched.block(s, deadline, 'lock');
    }
  });
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
