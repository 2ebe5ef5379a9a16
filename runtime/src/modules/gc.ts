// The `gc` module (Modules/gcmodule.c): the Python face of the run's cyclic collector
// (memory/gc/pyGc.ts). Every function maps to one CyclicGC method; gc.garbage and gc.callbacks
// are the run's own lists, so what the collector appends the program sees.

import type { PyObject } from '../objects/pyobject';
import { PyType } from '../objects/typeobject';
import { PyInt, newInt } from '../objects/int';
import { newBool } from '../objects/bool';
import { newDict } from '../objects/dict';
import { newListSteal } from '../objects/list';
import { newTuple, newTupleSteal } from '../objects/tuple';
import { None } from '../objects/none';
import { newException, TypeError, ValueError } from '../objects/exceptions';
import * as A from '../objects/abstract';
import { decref, newRef } from '../memory/heap';
import { GcValueError, DEBUG_STATS, DEBUG_COLLECTABLE, DEBUG_UNCOLLECTABLE, DEBUG_SAVEALL, DEBUG_LEAK } from '../memory/gc/collector';
import { gcState, isFinalizedObject, referentsOf, referrersOf, collectExplicit } from '../memory/gc/pyGc';
import { nativeModule, expectArgs } from './nativeModule';
import type { Interpreter } from '../vm/interpreter';

function intArg(fname: string, o: PyObject): number {
  if (!(o instanceof PyInt)) throw newException(TypeError, `'${A.typeName(o)}' object cannot be interpreted as an integer`);
  const v = A.indexNumber(o);
  void fname;
  return v;
}

function gcCall<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof GcValueError) throw newException(ValueError, e.message);
    throw e;
  }
}

/** One optional argument that may be given by keyword `name`. */
function optionalArg(fname: string, args: PyObject[], kwnames: string[] | null, name: string): PyObject | null {
  const nkw = kwnames?.length ?? 0;
  const npos = args.length - nkw;
  if (npos > 1) throw newException(TypeError, `${fname}() takes at most 1 argument (${npos} given)`);
  let value: PyObject | null = npos === 1 ? args[0] : null;
  for (let i = 0; i < nkw; i++) {
    if (kwnames![i] !== name) throw newException(TypeError, `${fname}() got an unexpected keyword argument '${kwnames![i]}'`);
    if (value !== null) throw newException(TypeError, `argument for ${fname}() given by name ('${name}') and position (1)`);
    value = args[npos + i];
  }
  return value;
}

/**
 * set_threshold, get_referrers and get_referents are METH_VARARGS in CPython 3.11: each call
 * packs its arguments into a tuple (a GC object, fresh when the tuple free list is empty, as
 * after a full collection), which gen0's count sees. The tuple is made and dropped here.
 */
function varargsTuple(args: PyObject[]): void {
  if (args.length > 0) decref(newTuple(args));
}

function intTuple(values: number[]): PyObject {
  return newTupleSteal(values.map((v) => newInt(v)));
}

export function makeGc(_interp: Interpreter): ReturnType<typeof nativeModule>['module'] {
  const m = nativeModule('gc');
  const gc = () => gcState().collector;

  m.def('enable', (_s, args, kw) => { expectArgs('enable', args, kw, 0); gc().enable(); return newRef(None); });
  m.def('disable', (_s, args, kw) => { expectArgs('disable', args, kw, 0); gc().disable(); return newRef(None); });
  m.def('isenabled', (_s, args, kw) => { expectArgs('isenabled', args, kw, 0); return newBool(gc().isEnabled()); });
  m.def('collect', (_s, args, kw) => {
    const g = optionalArg('collect', args, kw, 'generation');
    const generation = g === null ? 2 : intArg('collect', g);
    return newInt(gcCall(() => collectExplicit(generation)));
  });
  m.def('get_count', (_s, args, kw) => { expectArgs('get_count', args, kw, 0); return intTuple(gc().getCount()); });
  m.def('get_threshold', (_s, args, kw) => { expectArgs('get_threshold', args, kw, 0); return intTuple(gc().getThreshold()); });
  m.def('set_threshold', (_s, args, kw) => {
    if (kw !== null && kw.length > 0) throw newException(TypeError, 'set_threshold() takes no keyword arguments');
    varargsTuple(args);
    if (args.length < 1 || args.length > 3) {
      throw newException(TypeError, args.length < 1 ? 'set_threshold() takes at least 1 argument (0 given)' : `set_threshold() takes at most 3 arguments (${args.length} given)`);
    }
    const v = args.map((a) => intArg('set_threshold', a));
    gc().setThreshold(v[0], v[1], v[2]);
    return newRef(None);
  });
  m.def('get_debug', (_s, args, kw) => { expectArgs('get_debug', args, kw, 0); return newInt(gc().getDebug()); });
  m.def('set_debug', (_s, args, kw) => {
    expectArgs('set_debug', args, kw, 1);
    gc().setDebug(intArg('set_debug', args[0]));
    return newRef(None);
  });
  m.def('get_stats', (_s, args, kw) => {
    expectArgs('get_stats', args, kw, 0);
    return newListSteal(gc().getStats().map((s) => {
      const d = newDict();
      for (const [k, v] of [['collections', s.collections], ['collected', s.collected], ['uncollectable', s.uncollectable]] as const) {
        const n = newInt(v);
        d.setStr(k, n);
        decref(n);
      }
      return d;
    }));
  });
  m.def('get_objects', (_s, args, kw) => {
    const g = optionalArg('get_objects', args, kw, 'generation');
    let generation = g === null || g === None ? null : intArg('get_objects', g);
    if (generation === -1) generation = null; // the argument clinic's default: every generation
    const objs = gcCall(() => gc().getObjects(generation));
    return newListSteal(objs.map((o) => newRef(o)));
  });
  m.def('is_tracked', (_s, args, kw) => { expectArgs('is_tracked', args, kw, 1); return newBool(gc().isTracked(args[0])); });
  m.def('is_finalized', (_s, args, kw) => { expectArgs('is_finalized', args, kw, 1); return newBool(isFinalizedObject(args[0])); });
  m.def('get_referents', (_s, args, kw) => {
    if (kw !== null && kw.length > 0) throw newException(TypeError, 'get_referents() takes no keyword arguments');
    varargsTuple(args);
    const out: PyObject[] = [];
    for (const o of args) for (const r of referentsOf(o)) out.push(newRef(r));
    return newListSteal(out);
  });
  m.def('get_referrers', (_s, args, kw) => {
    if (kw !== null && kw.length > 0) throw newException(TypeError, 'get_referrers() takes no keyword arguments');
    varargsTuple(args);
    return newListSteal(referrersOf(args).map((o) => newRef(o)));
  });
  m.def('freeze', (_s, args, kw) => { expectArgs('freeze', args, kw, 0); gc().freeze(); return newRef(None); });
  m.def('unfreeze', (_s, args, kw) => { expectArgs('unfreeze', args, kw, 0); gc().unfreeze(); return newRef(None); });
  m.def('get_freeze_count', (_s, args, kw) => { expectArgs('get_freeze_count', args, kw, 0); return newInt(gc().getFreezeCount()); });

  const s = gcState();
  m.put('garbage', newRef(s.garbage));
  m.put('callbacks', newRef(s.callbacks));
  m.put('DEBUG_STATS', newInt(DEBUG_STATS));
  m.put('DEBUG_COLLECTABLE', newInt(DEBUG_COLLECTABLE));
  m.put('DEBUG_UNCOLLECTABLE', newInt(DEBUG_UNCOLLECTABLE));
  m.put('DEBUG_SAVEALL', newInt(DEBUG_SAVEALL));
  m.put('DEBUG_LEAK', newInt(DEBUG_LEAK));
  void PyType;
  return m.module;
}
