// asyncio as the debugger shows it: every unfinished Task of the program's event loops with its
// state, its coroutine's await chain (innermost last) and the object it is waiting on, plus each
// loop's clock and queue lengths. Read from runtime/lib/asyncio's own bookkeeping
// (asyncio.tasks._all_tasks (a WeakSet) / _current_tasks, the loop's _ready and _scheduled) without calling
// any Python code or touching a refcount: attribute reads go to instance dicts and class
// attributes directly. Returns null until the program imported asyncio.

import type { Interpreter } from '../vm/interpreter';
import type { Frame } from '../vm/frame';
import type { PyObject } from '../objects/pyobject';
import { PyDict } from '../objects/dict';
import { PySet } from '../objects/set';
import { PyWeakRef } from '../objects/weakref';
import { PyStr } from '../objects/str';
import { PyList } from '../objects/list';
import { PyFloat } from '../objects/float';
import { PyInt } from '../objects/int';
import { None } from '../objects/none';
import { PyGenerator, GenState } from '../objects/generator';
import { delegate } from '../objects/coroutine';
import { lineForOffset } from '../objects/lineTable';
import { safeRepr, hexAddress } from './objectView';
import { frameLocation } from './frameView';
import { PyGetSetDescr } from '../objects/getsetDescriptor';
import { decref } from '../memory/heap';

export type AsyncioTaskState = 'running' | 'pending' | 'cancelling' | 'finished' | 'cancelled';

export interface AsyncioAwaitStep {
  /** The coroutine or generator's qualified name, e.g. "main" or "Future.__await__". */
  name: string;
  file: string;
  line: number;
  /** The VM frame (for the debugger's variables), null once finished. */
  frame: Frame | null;
}

export interface AsyncioTaskView {
  name: string;
  address: string;
  state: AsyncioTaskState;
  /** "main() running at FILE:LINE", as the Task's repr shows it. */
  coroutine: string;
  /** The await chain from the task's coroutine down to what it is suspended in. */
  awaitChain: AsyncioAwaitStep[];
  /** What the task waits on (its _fut_waiter), as a short repr, or null. */
  waitingOn: string | null;
  /** A done task's result or exception repr. */
  outcome: string | null;
  /** The task object itself (for expanding it in the Variables view). */
  task: PyObject;
}

export interface AsyncioLoopView {
  address: string;
  running: boolean;
  closed: boolean;
  /** loop.time() now (the virtual clock). */
  time: number;
  /** Callbacks ready to run (call_soon) and timers waiting (call_later/call_at). */
  ready: number;
  scheduled: number;
  /** Due time of the next timer, or null. */
  nextTimer: number | null;
  current: string | null;
}

export interface AsyncioView {
  loops: AsyncioLoopView[];
  tasks: AsyncioTaskView[];
}

/** An attribute as `getattr` would find it for a plain instance: its dict, then its class's MRO. */
function attr(o: PyObject, name: string): PyObject | null {
  const d = o.dict;
  if (d instanceof PyDict) {
    const v = d.getStr(name);
    if (v !== undefined) return v;
  }
  for (const t of o.ob_type.mro) {
    const v = t.attrs.get(name);
    if (v !== undefined) return v;
  }
  return null;
}

function str(o: PyObject | null): string | null {
  return o instanceof PyStr ? o.value : null;
}

function num(o: PyObject | null): number | null {
  if (o instanceof PyFloat) return o.value;
  if (o instanceof PyInt) return Number(o.value);
  return null;
}

/** A coroutine's current line: the running one's next instruction (as the debugger shows it). */
function lineOf(g: PyGenerator): number {
  if (g.state === GenState.Closed) return g.code.co.co_firstlineno;
  const f = g.frame as Frame;
  if (g.state === GenState.Running) return frameLocation(f, true).line ?? lineForOffset(g.code, f.lasti);
  return lineForOffset(g.code, f.lasti);
}

function awaitChain(coro: PyObject | null): AsyncioAwaitStep[] {
  const out: AsyncioAwaitStep[] = [];
  let g: PyObject | null = coro;
  while (g instanceof PyGenerator && out.length < 64) {
    out.push({
      name: g.qualname,
      file: g.code.co.co_filename,
      line: lineOf(g),
      frame: g.state === GenState.Closed ? null : (g.frame as Frame),
    });
    g = delegate(g);
  }
  return out;
}

function describeCoroutine(coro: PyObject | null): string {
  if (!(coro instanceof PyGenerator)) return coro === null ? '?' : safeRepr(coro);
  const file = coro.code.co.co_filename;
  if (coro.state === GenState.Closed) return `${coro.qualname}() done, defined at ${file}:${coro.code.co.co_firstlineno}`;
  return `${coro.qualname}() running at ${file}:${lineOf(coro)}`;
}

function describeWaiter(w: PyObject): string {
  const name = str(attr(w, '_name'));
  const state = str(attr(w, '_state'))?.toLowerCase() ?? '?';
  if (name !== null) return `<${w.ob_type.name} ${state} name='${name}'>`;
  return `<${w.ob_type.name} ${state}>`;
}

function taskView(task: PyObject, runningTasks: Set<PyObject>): AsyncioTaskView {
  const coro = attr(task, '_coro');
  const stateName = str(attr(task, '_state')) ?? 'PENDING';
  let state: AsyncioTaskState;
  if (runningTasks.has(task)) state = 'running';
  else if (stateName === 'FINISHED') state = 'finished';
  else if (stateName === 'CANCELLED') state = 'cancelled';
  else state = (num(attr(task, '_num_cancels_requested')) ?? 0) > 0 ? 'cancelling' : 'pending';
  const waiter = attr(task, '_fut_waiter');
  let outcome: string | null = null;
  if (stateName === 'FINISHED') {
    const exc = attr(task, '_exception');
    outcome = exc !== null && exc !== None ? `exception=${safeRepr(exc)}` : `result=${safeRepr(attr(task, '_result') ?? None)}`;
  }
  return {
    name: str(attr(task, '_name')) ?? '?',
    address: hexAddress(task),
    state,
    coroutine: describeCoroutine(coro),
    awaitChain: awaitChain(coro),
    waitingOn: waiter !== null && waiter !== None ? describeWaiter(waiter) : null,
    outcome,
    task,
  };
}

function loopView(loop: PyObject, current: PyObject | null, now: number): AsyncioLoopView {
  const ready = attr(loop, '_ready');
  const scheduled = attr(loop, '_scheduled');
  let nextTimer: number | null = null;
  if (scheduled instanceof PyList && scheduled.items.length > 0) nextTimer = slotNumber(scheduled.items[0], 'when');
  const readyLen = ready !== null ? dequeLength(ready) : 0;
  return {
    address: hexAddress(loop),
    running: attr(loop, '_thread_id') !== None && attr(loop, '_thread_id') !== null,
    closed: attr(loop, '_closed') !== null && safeRepr(attr(loop, '_closed')!) === 'True',
    time: now,
    ready: readyLen,
    scheduled: scheduled instanceof PyList ? scheduled.items.length : 0,
    nextTimer,
    current: current !== null ? str(attr(current, '_name')) : null,
  };
}

/** A __slots__ member's number (read through its descriptor, whose new reference is dropped). */
function slotNumber(o: PyObject, name: string): number | null {
  const d = attr(o, name);
  if (!(d instanceof PyGetSetDescr)) return num(d);
  try {
    const v = d.get(o);
    const n = num(v);
    decref(v);
    return n;
  } catch {
    return null;
  }
}

/** collections.deque keeps its items in a JS array on the object (runtime/lib/collections). */
function dequeLength(d: PyObject): number {
  const items = attr(d, '_items') ?? attr(d, 'data');
  if (items instanceof PyList) return items.items.length;
  const n = (d as unknown as { items?: unknown[] }).items;
  return Array.isArray(n) ? n.length : 0;
}

export function asyncioView(interp: Interpreter): AsyncioView | null {
  const tasksModule = interp.modules.getStr('asyncio.tasks');
  if (tasksModule === undefined) return null;
  const allTasks = attr(tasksModule, '_all_tasks');
  const currentTasks = attr(tasksModule, '_current_tasks');
  const running = new Set<PyObject>();
  const loops = new Map<PyObject, PyObject | null>();
  if (currentTasks instanceof PyDict) {
    for (const [loop, task] of currentTasks.entries()) {
      running.add(task);
      loops.set(loop, task);
    }
  }
  const tasks: AsyncioTaskView[] = [];
  // _all_tasks is a weakref.WeakSet: its `data` set holds weak references to the tasks.
  const refs = allTasks !== null ? attr(allTasks, 'data') : null;
  if (refs instanceof PySet) {
    for (const ref of refs.items()) {
      const task = ref instanceof PyWeakRef ? ref.referent : null;
      if (task === null) continue;
      const state = str(attr(task, '_state'));
      if (state !== 'PENDING' && !running.has(task)) continue;
      tasks.push(taskView(task, running));
      const loop = attr(task, '_loop');
      if (loop !== null && loop !== None && !loops.has(loop)) loops.set(loop, null);
    }
  }
  const now = interp.threads.nowNs() / 1e9;
  return { loops: [...loops].map(([loop, current]) => loopView(loop, current, now)), tasks };
}
