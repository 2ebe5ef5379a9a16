// _mp_native: what the runtime's process simulation needs from the VM and the thread scheduler
// (runtime/lib/multiprocessing, os.fork): process ids per simulated process, ending a process's
// thread (terminate()), and os.fork itself.
//
// A simulated process is a thread of the one interpreter; pids are handed out from 4243 (the
// main process is 4242, os's SIMULATED_PID), in creation order, so runs are reproducible.
// os.fork() copies the calling thread's frame chain into a new thread that resumes right after
// the fork() call with 0 on its stack, while the caller gets the child's pid. Module globals and
// other objects stay shared (the heap is not copied); multiprocessing's Process copies __main__
// itself (runtime/lib/multiprocessing/process.py).

import type { PyObject } from '../objects/pyobject';
import { newBool } from '../objects/bool';
import { newInt } from '../objects/int';
import { None } from '../objects/none';
import { newException, RuntimeError } from '../objects/exceptions';
import * as A from '../objects/abstract';
import { newRef, xdecref } from '../memory/heap';
import { nativeModule } from './nativeModule';
import { Frame } from '../vm/frame';
import type { Interpreter } from '../vm/interpreter';
import type { PyModule } from '../objects/module';

const MAIN_PID = 4242;

interface ProcessIds { pid: number; ppid: number }

/** A frame and its callers, copied with their own references (the child's stack). */
function cloneChain(f: Frame | null): Frame | null {
  if (f === null) return null;
  if (f.generator !== null) throw newException(RuntimeError, 'os.fork(): forking inside a generator or coroutine is not simulated');
  const c = new Frame(f.code, f.func, f.globals, f.builtins, f.locals);
  if (f.func !== null) f.func.ob_refcnt++;
  for (let i = 0; i < f.fast.length; i++) {
    const v = f.fast[i];
    if (v !== null) v.ob_refcnt++;
    c.fast[i] = v;
  }
  for (let i = 0; i < f.sp; i++) {
    const v = f.stack[i];
    if (v !== null) v.ob_refcnt++;
    c.stack[i] = v;
  }
  c.sp = f.sp;
  c.ip = f.ip;
  c.lasti = f.lasti;
  c.entry = f.entry;
  c.returnMode = f.returnMode;
  c.jumpTarget = f.jumpTarget;
  c.initSelf = f.initSelf !== null ? newRef(f.initSelf) : null;
  c.previous = cloneChain(f.previous);
  return c;
}

export function makeMpNative(interp: Interpreter): PyModule {
  const m = nativeModule('_mp_native');
  const ids = new Map<number, ProcessIds>();
  let nextPid = MAIN_PID + 1;
  const current = (): ProcessIds => ids.get(interp.threads.current.ident) ?? { pid: MAIN_PID, ppid: MAIN_PID - 1 };

  m.def('alloc_pid', () => newInt(nextPid++));
  m.def('pid', () => newInt(current().pid));
  m.def('ppid', () => newInt(current().ppid));
  m.def('set_thread_pid', (_self, args) => {
    ids.set(A.indexNumber(args[0]), { pid: A.indexNumber(args[1]), ppid: A.indexNumber(args[2]) });
    return newRef(None);
  });
  m.def('kill_thread', (_self, args) => {
    const t = interp.threads.byIdent(A.indexNumber(args[0]));
    return newBool(t !== undefined && interp.threads.kill(t));
  });
  // os.fork(): must be called from Python code (a CALL with no arguments) in the thread's
  // outermost activation, so the copied frames can continue on their own.
  m.def('fork', (_self, args) => {
    const f = interp.frame;
    if (f === null || args.length !== 0) throw newException(RuntimeError, 'os.fork() must be called from Python code');
    let depth = 0;
    for (let g: Frame | null = f; g !== null; g = g.previous) {
      depth++;
      if (g.entry && g.previous !== null) throw newException(RuntimeError, 'os.fork() inside a callback from native code is not simulated');
    }
    const child = cloneChain(f)!;
    // The child's fork() "returns" 0: drop the call's [NULL, fork] slots and push the result.
    const base = child.sp - 2;
    for (let i = base; i < child.sp; i++) {
      const v = child.stack[i];
      child.stack[i] = null;
      xdecref(v);
    }
    child.sp = base;
    child.stack[child.sp++] = newInt(0) as PyObject;
    const parent = current();
    const pid = nextPid++;
    const t = interp.threads.startForked(child, depth);
    ids.set(t.ident, { pid, ppid: parent.pid });
    return newInt(pid);
  });
  return m.module;
}
