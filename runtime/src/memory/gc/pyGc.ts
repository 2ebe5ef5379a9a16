// The cyclic GC wired to the runtime's objects: one CyclicGC<PyObject> per program run, the
// GcHost that lets it read refcounts, traverse, finalize and clear real objects, and the hooks
// heap.ts and the object files call (allocation, deallocation, dict tracking, __del__ and
// weakref clearing on refcount death).
//
// Invariants:
//  - a GC object is tracked from its birth (exact dicts and inline attribute values excepted,
//    as in CPython) until its deallocation untracks it; the collector never sees a freed object;
//  - gen0's count moves only at fresh allocations and frees of GC objects (heap.ts link/del);
//  - refcount death of a heap-type instance runs, in CPython's order: __del__ (once per lifetime,
//    PEP 442; resurrection stops the dealloc), then weakref clearing with callbacks newest first,
//    then the layout's dealloc (which releases the attributes);
//  - nothing here runs when no GC object is allocated or freed; the eval loop is untouched.

import { PyObject } from '../../objects/pyobject';
import { PyType, typeType, objectType } from '../../objects/typeobject';
import { PyDict, dictType, newDict } from '../../objects/dict';
import { PyList, listType, newListSteal } from '../../objects/list';
import { tupleType } from '../../objects/tuple';
import { setType, frozensetType } from '../../objects/set';
import { functionType } from '../../objects/function';
import { cellType } from '../../objects/cell';
import { methodType } from '../../objects/method';
import { generatorType, coroutineType, PyGenerator, GenState } from '../../objects/generator';
import { tracebackType, frameType } from '../../objects/traceback';
import { moduleType } from '../../objects/module';
import { propertyType, classMethodType, staticMethodType } from '../../objects/descriptors';
import { builtinFunctionType } from '../../objects/builtinFunction';
import { superType } from '../../objects/super';
import { BaseException } from '../../objects/exceptions';
import { PyWeakRef, detachWeakrefs, hasWeakrefs, clearRef, weakrefsTo } from '../../objects/weakref';
import { newStr } from '../../objects/str';
import { newInt } from '../../objects/int';
import * as A from '../../objects/abstract';
import { decref, incref, newRef, setGcAllocationHooks, allocator, freeLists } from '../heap';
import { CyclicGC, type GcHost, type GcInfo } from './collector';
import { traverse, clear, INLINE_VALUES, mayBeTracked, tupleIsAtomic, dictIsAtomic } from './pyTraverse';
import { gcSupport } from './support';

/** Static types whose instances accept weak references (tp_weaklistoffset != 0). */
const WEAKREFABLE_STATIC = new Set<PyType>([
  functionType, builtinFunctionType, typeType, setType, frozensetType, generatorType, coroutineType,
  methodType, moduleType,
]);

/** What a run's GC talks to outside the object model: stderr and unraisable reporting. */
export interface GcEnvironment {
  writeStderr(text: string): void;
}

/** Listeners of collection start/stop (inspect's GC event hook); empty means no cost. */
export type GcEventListener = (phase: 'start' | 'stop', info: GcInfo, automatic: boolean) => void;

export interface GcRunState {
  collector: CyclicGC<PyObject>;
  /** gc.garbage and gc.callbacks: Python lists the gc module exposes. */
  garbage: PyList;
  callbacks: PyList;
  /** The last collections (newest last), for the inspect API. */
  history: GcCollectionRecord[];
  /** Collections so far, automatic ones included. */
  collections: number;
}

/** One finished collection, as the inspect API reports it. */
export interface GcCollectionRecord {
  generation: number;
  collected: number;
  uncollectable: number;
  /** Serial number of the collection in this run (1 = the first). */
  serial: number;
  /** Triggered by an allocation (not gc.collect()). */
  automatic: boolean;
}

/** Collection start/stop listeners (the inspect API's GC event hook); empty costs nothing. */
export const gcListeners: GcEventListener[] = [];
let explicitCollect = false;

/** gc.collect() from Python: marks the collection as explicit for the event stream. */
export function collectExplicit(generation: number): number {
  explicitCollect = true;
  try {
    return gcState().collector.collect(generation);
  } finally {
    explicitCollect = false;
  }
}

const HISTORY_LENGTH = 32;

let state: GcRunState | null = null;
let env: GcEnvironment = { writeStderr: () => {} };
const finalized = new WeakSet<PyObject>();

export function gcState(): GcRunState {
  if (state === null) installGc(env);
  return state!;
}

/** Is `o` allowed to have weak references? */
export function isWeakrefable(o: PyObject): boolean {
  const t = o.ob_type;
  if (WEAKREFABLE_STATIC.has(t.instanceLayout) || WEAKREFABLE_STATIC.has(t)) return true;
  if (o instanceof PyType) return true;
  if (!t.isHeapType) return false;
  for (const m of t.mro) {
    if (!m.isHeapType) break;
    const slots = m.attrs.get('__slots__');
    if (slots === undefined) return true;
    if (A.toArray(slots).some((s) => { const ok = A.str(s) === '__weakref__'; decref(s); return ok; })) return true;
  }
  return false;
}

function hasDel(o: PyObject): boolean {
  return o.ob_type.isHeapType && o.ob_type.lookup('__del__') !== null;
}

/** _PyGen_Finalize applies: a generator suspended at a yield (close() will throw GeneratorExit in). */
function isSuspendedGenerator(o: PyObject): o is PyGenerator {
  return o instanceof PyGenerator && (o.ob_type === generatorType || o.ob_type === coroutineType) && o.state === GenState.Suspended;
}

/** tp_finalize: __del__ for a heap-type instance, close() for a suspended generator. */
function hasFinalizer(o: PyObject): boolean {
  return hasDel(o) || isSuspendedGenerator(o);
}

function runFinalizer(o: PyObject): void {
  if (isSuspendedGenerator(o)) {
    try {
      decref(A.callMethod(o, 'close', []));
    } catch (e) {
      A.callSupport.unraisable(e, o);
    }
  } else callDel(o);
}

function callDel(o: PyObject): void {
  const d = o.ob_type.lookup('__del__');
  if (d === null) return;
  try {
    decref(A.callBound(d, o, []));
  } catch (e) {
    A.callSupport.unraisable(e, o);
  }
}

/** PyObject_ClearWeakRefs's second half: call each callback with its weakref, in order. */
function callWeakrefCallbacks(calls: [PyWeakRef, PyObject][]): void {
  for (const [wr, cb] of calls) {
    try {
      decref(A.call(cb, [wr]));
    } catch (e) {
      reportCallbackError(e, cb);
    }
    decref(cb);
    decref(wr);
  }
}

function reportCallbackError(e: unknown, cb: PyObject): void {
  // "Exception ignored in: <function cb at 0x...>": the callback has no __del__, so its repr.
  A.callSupport.unraisable(e, cb);
}

function typeNameOf(o: PyObject): string {
  const t = o.ob_type;
  if (t.isHeapType || t.module === 'builtins') return t.name;
  return `${t.module}.${t.name}`;
}

function makeHost(): GcHost<PyObject> {
  return {
    refcount: (o) => o.ob_refcnt,
    traverse,
    hasFinalizer,
    finalize(o) {
      incref(o);
      runFinalizer(o);
      decref(o);
    },
    clear(o) {
      incref(o);
      clear(o);
      decref(o);
    },
    isFinalized: (o) => finalized.has(o),
    setFinalized(o, v) {
      if (v) finalized.add(o);
      else finalized.delete(o);
    },
    maybeUntrackTuple: tupleIsAtomic,
    maybeUntrackDict: (o) => dictIsAtomic(o, dictType),
    clearIfWeakref(o) {
      if (o instanceof PyWeakRef) clearRef(o);
    },
    clearWeakrefsTo(o) {
      if (!hasWeakrefs(o)) return [];
      const withCallbacks: PyObject[] = [];
      for (const wr of [...weakrefsTo(o)]) {
        clearRef(wr);
        if (wr.callback !== null) withCallbacks.push(wr);
      }
      return withCallbacks;
    },
    incref,
    callWeakrefCallback(o) {
      const wr = o as PyWeakRef;
      const cb = wr.callback;
      if (cb !== null) {
        wr.callback = null;
        try {
          decref(A.call(cb, [wr]));
        } catch (e) {
          reportCallbackError(e, cb);
        }
        decref(cb);
      }
      decref(wr);
    },
    appendGarbage(o) {
      const g = gcState().garbage;
      incref(o);
      g.items.push(o);
    },
    invokeCallbacks(phase, info) {
      const s = gcState();
      if (phase === 'start') s.collections++;
      if (phase === 'stop') {
        s.history.push({ ...info, serial: s.collections, automatic: !explicitCollect });
        if (s.history.length > HISTORY_LENGTH) s.history.shift();
      }
      for (let i = 0; i < gcListeners.length; i++) gcListeners[i](phase, info, !explicitCollect);
      if (s.callbacks.items.length === 0) return;
      const d = newDict();
      for (const [k, v] of [['generation', info.generation], ['collected', info.collected], ['uncollectable', info.uncollectable]] as const) {
        const n = newInt(v);
        d.setStr(k, n);
        decref(n);
      }
      const p = newStr(phase);
      for (let i = 0; i < s.callbacks.items.length; i++) {
        const cb = newRef(s.callbacks.items[i]);
        try {
          decref(A.call(cb, [p, d]));
        } catch (e) {
          A.callSupport.unraisable(e, cb);
        }
        decref(cb);
      }
      decref(p);
      decref(d);
    },
    clearFreelists() {
      // clear_freelists: the blocks parked on the type free lists go back to pymalloc, so the
      // next tuples/lists/dicts after a full collection are fresh allocations (gen0 counts them).
      for (const block of freeLists.clear()) allocator.free(block);
    },
    typeName: typeNameOf,
    address: (o) => o.ob_addr,
    writeStderr: (text) => env.writeStderr(text),
    clock: () => {
      const perf = (globalThis as { performance?: { now(): number } }).performance;
      return (perf ? perf.now() : Date.now()) / 1000;
    },
  };
}

let dictBirthIsInline = false;

/** A fresh GC for a program run (gen counts zero, thresholds 700/10/10), with the hooks installed. */
export function installGc(environment: GcEnvironment): GcRunState {
  env = environment;
  const collector = new CyclicGC<PyObject>(makeHost());
  // The lists are made before the hooks are live: they are the run's own, not program objects.
  setGcAllocationHooks(null);
  state = { collector, garbage: newListSteal([]), callbacks: newListSteal([]), history: [], collections: 0 };
  setGcAllocationHooks({
    link(obj) {
      if (dictBirthIsInline && obj instanceof PyDict) return;
      collector.gcAlloc();
    },
    born(obj) {
      if (obj instanceof PyDict && obj.ob_type === dictType) {
        if (dictBirthIsInline) {
          dictBirthIsInline = false;
          obj.gc_head = INLINE_VALUES;
        }
        return; // exact dicts start untracked (MAINTAIN_TRACKING tracks them later)
      }
      collector.track(obj);
    },
    untrack(obj) {
      collector.untrack(obj);
    },
    del(obj) {
      if (obj.gc_head === INLINE_VALUES) return; // inline values were never counted
      collector.gcFree(obj);
    },
  });
  return state;
}

/**
 * PyObject_CallFinalizerFromDealloc: the object is alive again (and tracked) while its finalizer
 * runs, once per lifetime (PEP 442). True when the finalizer resurrected it (stop the dealloc).
 */
function finalizeFromDealloc(obj: PyObject): boolean {
  if (finalized.has(obj)) return false;
  const c = state?.collector;
  obj.ob_refcnt = 1;
  if (c && obj.ob_type.gcHeader) c.track(obj);
  finalized.add(obj);
  runFinalizer(obj);
  if (--obj.ob_refcnt !== 0) return true; // resurrected: stays tracked, nothing freed
  if (c) c.untrack(obj);
  return false;
}

function installSupport(): void {
  for (const t of WEAKREFABLE_STATIC) {
    const dealloc = t.tp_dealloc;
    t.tp_dealloc = (obj) => {
      if (hasWeakrefs(obj)) callWeakrefCallbacks(detachWeakrefs(obj));
      dealloc(obj);
    };
  }
  gcSupport.heapDealloc = (obj, layoutDealloc) => {
    if (hasDel(obj) && finalizeFromDealloc(obj)) return;
    if (hasWeakrefs(obj)) {
      callWeakrefCallbacks(detachWeakrefs(obj));
    }
    layoutDealloc(obj);
  };
  // gen_dealloc: a generator (or coroutine) dropped while suspended is closed first (its finally
  // blocks run).
  for (const t of [generatorType, coroutineType]) {
    const genDealloc = t.tp_dealloc;
    t.tp_dealloc = (obj) => {
      if (isSuspendedGenerator(obj) && finalizeFromDealloc(obj)) return;
      genDealloc(obj);
    };
  }
  gcSupport.dictStoredContainer = (d, stored) => {
    if (d.gc_head !== null || !mayBeTracked(stored)) return; // inline values: gc_head is the marker
    state?.collector.track(d);
  };
  gcSupport.makeInlineDict = (make) => {
    dictBirthIsInline = true;
    try {
      return make();
    } finally {
      dictBirthIsInline = false;
    }
  };
  gcSupport.materializeDict = (d) => {
    if (d.gc_head !== INLINE_VALUES) return;
    d.gc_head = null;
    const c = state?.collector;
    if (!c) return;
    c.gcAlloc();
    if (!dictIsAtomic(d, dictType)) c.track(d);
  };
  gcSupport.firstWeakref = (obj) => {
    const list = weakrefsTo(obj);
    return list.length > 0 ? list[0] : null;
  };
}
installSupport();
void objectType;

/** gc.is_finalized: has the PEP 442 finalizer of `o` run? */
export function isFinalizedObject(o: PyObject): boolean {
  return o.ob_type.gcHeader && finalized.has(o);
}

/**
 * gc.get_referents(o): what o's tp_traverse visits (borrowed; for an instance of a class that
 * includes the class, as subtype_traverse does). Non-GC objects have none.
 */
export function referentsOf(o: PyObject): PyObject[] {
  if (!o.ob_type.gcHeader) return [];
  const out: PyObject[] = [];
  traverse(o, (r) => out.push(r));
  return out;
}

/** gc.get_referrers(*objs): tracked objects (generation order) that refer to any of objs. */
export function referrersOf(objs: readonly PyObject[]): PyObject[] {
  const wanted = new Set(objs);
  const out: PyObject[] = [];
  for (const o of gcState().collector.getObjects(null)) {
    let hit = false;
    traverse(o, (r) => {
      if (wanted.has(r)) hit = true;
    });
    if (hit) out.push(o);
  }
  return out;
}

/**
 * Interpreter exit, before __main__ is torn down (Py_FinalizeEx): weakref.finalize's atexit hook
 * runs the live finalizers (newest first), then a full collection (with gc.callbacks) frees the
 * cycles the program left behind, running their __del__ methods.
 */
export function gcShutdownBeforeModules(modules: PyDict): void {
  const weakrefModule = modules.getStr('weakref');
  if (weakrefModule !== undefined) {
    try {
      const fin = A.getAttrOrNull(weakrefModule, 'finalize');
      if (fin !== null) {
        const registry = A.getAttrOrNull(fin, '_registry');
        if (registry instanceof PyDict && registry.size > 0) decref(A.callMethod(fin, '_exitfunc', []));
        if (registry !== null) decref(registry);
        decref(fin);
      }
    } catch (e) {
      A.callSupport.unraisable(e, weakrefModule);
    }
  }
  const c = gcState().collector;
  if (c.isEnabled()) c.collect(2);
}

/** finalize_modules' _PyGC_CollectNoFail: after the modules' namespaces are cleared, enabled or not. */
export function gcShutdownAfterModules(): void {
  gcState().collector.collectNoCallbacks(2);
}
