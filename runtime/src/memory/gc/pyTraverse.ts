// tp_traverse and tp_clear of the runtime's object types, for the cyclic GC (collector.ts).
//
// Invariants:
//  - traverse visits exactly the references an object OWNS (what its tp_dealloc releases). A
//    visited reference that is not counted in the referent's ob_refcnt would let the collector
//    free a live object; an owned reference that is not visited only makes a cycle survive.
//  - clear drops the references CPython's tp_clear drops, so a collected cycle falls apart by
//    ordinary refcounting. Types without tp_clear in CPython (tuple, bound method, generator,
//    iterators) have none here either: a cycle through them is broken by its other members.
//  - an instance's inline attribute values (3.11 "managed dict" that nobody asked for as
//    `__dict__`) are not an object of their own: the instance visits them directly.
//  - an instance of a class owns a reference to the class (heap.ts track): subtype_traverse
//    visits it after the instance dict and before the builtin base's own references; a class
//    visits its namespace dict, __mro__, __bases__ and base (type_traverse).

import type { PyObject } from '../../objects/pyobject';
import { PyList } from '../../objects/list';
import { PyTuple, tupleType } from '../../objects/tuple';
import { PyDict } from '../../objects/dict';
import { strType } from '../../objects/str';
import { PySet } from '../../objects/set';
import { PyFunction } from '../../objects/function';
import { PyCell } from '../../objects/cell';
import { PyMethod } from '../../objects/method';
import { PyGenerator, GenState } from '../../objects/generator';
import { PyIterator } from '../../objects/iterator';
import { PyBaseException } from '../../objects/exceptions';
import { PyTraceback, PyFrameObject, clearFrameObject } from '../../objects/traceback';
import { PyModule } from '../../objects/module';
import { PyProperty, PyClassMethod, PyStaticMethod } from '../../objects/descriptors';
import { PyBuiltinFunction } from '../../objects/builtinFunction';
import { PySuper } from '../../objects/super';
import { PyType } from '../../objects/typeobject';
import { PyGetSetDescr } from '../../objects/getsetDescriptor';
import { decref, xdecref } from '../heap';

export type Visit = (ref: PyObject) => void;

/**
 * The `gc_head` of a dict that is an instance's inline attribute values (no GC identity of its
 * own): never tracked, never counted, until `__dict__` materialises it. A list node that is in
 * no list, so the collector sees it as untracked and never links it.
 */
export const INLINE_VALUES = { list: null, prev: null, next: null };

export function isInlineDict(d: PyDict): boolean {
  return d.gc_head === INLINE_VALUES;
}

/** The VM frame a generator holds (fast locals and value stack are owned references). */
interface FrameLike {
  func: PyObject | null;
  fast: (PyObject | null)[];
  stack: (PyObject | null)[];
  sp: number;
}

/**
 * dict_traverse: a table whose keys are all exact str visits only the values (str keys cannot
 * be in a cycle); any other table visits value then key, entry by entry.
 */
function visitDictEntries(d: PyDict, visit: Visit): void {
  const keys = d.keys, values = d.values;
  let unicodeOnly = true;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k !== undefined && k.ob_type !== strType) {
      unicodeOnly = false;
      break;
    }
  }
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k !== undefined) {
      visit(values[i]!);
      if (!unicodeOnly) visit(k);
    }
  }
}

function visitInstanceDict(o: PyObject, visit: Visit): void {
  const d = o.dict;
  if (d === null) return;
  if (d.gc_head === INLINE_VALUES) {
    const values = d.values;
    for (let i = 0; i < values.length; i++) if (values[i] !== undefined) visit(values[i]!);
  } else visit(d);
}

/** tp_traverse: every owned reference of `o`. */
export function traverse(o: PyObject, visit: Visit): void {
  if (o.ob_type.isHeapType) {
    // subtype_traverse: the instance dict, the class, then the builtin layout's references
    visitInstanceDict(o, visit);
    visit(o.ob_type);
    traverseLayout(o, visit);
    return;
  }
  traverseLayout(o, visit);
  visitInstanceDict(o, visit);
}

/** The references the builtin (static) layout of `o` owns. */
function traverseLayout(o: PyObject, visit: Visit): void {
  if (o instanceof PyList || o instanceof PyTuple) {
    // list_traverse / tupletraverse walk the items from the last to the first
    const items = o.items;
    for (let i = items.length - 1; i >= 0; i--) visit(items[i]);
  } else if (o instanceof PyDict) {
    visitDictEntries(o, visit);
  } else if (o instanceof PySet) {
    for (const k of o.table.keyList()) visit(k);
  } else if (o instanceof PyFunction) {
    visit(o.globals);
    if (o.defaults !== null) visit(o.defaults);
    if (o.kwdefaults !== null) visit(o.kwdefaults);
    if (o.closure !== null) visit(o.closure);
    if (o.annotations !== null) visit(o.annotations);
    if (o.doc !== null) visit(o.doc);
    if (o.module !== null) visit(o.module);
  } else if (o instanceof PyCell) {
    if (o.contents !== null) visit(o.contents);
  } else if (o instanceof PyMethod) {
    visit(o.func);
    visit(o.self);
  } else if (o instanceof PyGenerator) {
    const f = o.frame as FrameLike | null;
    if (f && f.fast) {
      // _PyFrame_Traverse: the function (owned until the frame finishes), then the locals
      if (f.func !== null && o.state !== GenState.Closed) visit(f.func);
      for (const x of f.fast) if (x !== null) visit(x);
      for (let i = 0; i < f.sp; i++) if (f.stack[i] !== null) visit(f.stack[i]!);
    }
  } else if (o instanceof PyIterator) {
    if (o.source !== null) visit(o.source);
  } else if (o instanceof PyBaseException) {
    if (o.args) visit(o.args);
    if (o.traceback !== null) visit(o.traceback);
    if (o.context !== null) visit(o.context);
    if (o.cause !== null) visit(o.cause);
    if (o.extra !== null) visit(o.extra);
    if (o.name !== null) visit(o.name);
  } else if (o instanceof PyTraceback) {
    if (o.next !== null) visit(o.next);
    visit(o.frame);
  } else if (o instanceof PyFrameObject) {
    // frame_traverse: f_back, then what it took over from its finished frame
    if (o.back !== null) visit(o.back);
    if (o.namespace !== null) visit(o.namespace);
    if (o.func !== null) visit(o.func);
    const fast = o.fast;
    if (fast !== null) for (let i = 0; i < fast.length; i++) if (fast[i] !== null) visit(fast[i]!);
  } else if (o instanceof PyProperty) {
    if (o.fget !== null) visit(o.fget);
    if (o.fset !== null) visit(o.fset);
    if (o.fdel !== null) visit(o.fdel);
    if (o.doc !== null) visit(o.doc);
    if (o.name !== null) visit(o.name);
  } else if (o instanceof PyClassMethod || o instanceof PyStaticMethod) {
    if (o.callable !== null) visit(o.callable);
  } else if (o instanceof PyBuiltinFunction) {
    if (o.self !== null) visit(o.self);
  } else if (o instanceof PySuper) {
    visit(o.thisType);
    visit(o.obj);
  } else if (o instanceof PyType) {
    // type_traverse (only classes own these: builtin types are static)
    if (o.tp_dict !== null) visit(o.tp_dict);
    if (o.tp_mro !== null) visit(o.tp_mro);
    if (o.tp_bases !== null) visit(o.tp_bases);
    if (o.isHeapType && o.base !== null) visit(o.base);
  } else if (o instanceof PyGetSetDescr) {
    visit(o.owner); // descr_traverse: d_type
  } else if (o instanceof PyModule) {
    // the module's dict is its globals, owned
  }
}

/** tp_clear: drop what CPython's tp_clear drops (called with a temporary reference held). */
export function clear(o: PyObject): void {
  if (o instanceof PyTuple || o instanceof PyMethod || o instanceof PyGenerator || o instanceof PyIterator) {
    // no tp_clear in CPython (a subclass instance still clears its __dict__)
    if (o.ob_type.isHeapType) clearInstanceDict(o);
    return;
  }
  if (o instanceof PyList) {
    const items = o.items;
    o.items = [];
    for (let i = 0; i < items.length; i++) decref(items[i]);
  } else if (o instanceof PyDict) {
    o.clear();
  } else if (o instanceof PySet) {
    o.table.clear();
  } else if (o instanceof PyFunction) {
    const held = [o.defaults, o.kwdefaults, o.closure, o.annotations, o.doc, o.module];
    o.defaults = o.kwdefaults = o.closure = null;
    o.annotations = o.doc = o.module = null;
    for (const x of held) xdecref(x);
  } else if (o instanceof PyCell) {
    const v = o.contents;
    o.contents = null;
    xdecref(v);
  } else if (o instanceof PyBaseException) {
    const held = [o.traceback, o.context, o.cause, o.extra, o.name];
    o.traceback = o.context = o.cause = o.extra = o.name = null;
    for (const x of held) xdecref(x);
  } else if (o instanceof PyTraceback) {
    const n = o.next;
    o.next = null;
    xdecref(n);
  } else if (o instanceof PyFrameObject) {
    clearFrameObject(o); // frame_tp_clear: the locals
  } else if (o instanceof PyProperty) {
    const held = [o.fget, o.fset, o.fdel, o.doc, o.name];
    o.fget = o.fset = o.fdel = o.doc = o.name = null;
    for (const x of held) xdecref(x);
  } else if (o instanceof PyClassMethod || o instanceof PyStaticMethod) {
    const c = o.callable;
    o.callable = null;
    xdecref(c);
  } else if (o instanceof PyType) {
    // type_clear: empty the namespace dict (methods, descriptors) and drop the MRO tuple (the
    // class's own cycle); bases and base go in type_dealloc
    o.clearNamespace();
    const mro = o.tp_mro;
    o.tp_mro = null;
    xdecref(mro);
    return;
  } else if (o instanceof PyModule) {
    // module_clear drops md_dict; the dict object is shared with frames' globals, so clear it
    const d = o.dict;
    if (d !== null) d.clear();
    return;
  }
  clearInstanceDict(o);
}

function clearInstanceDict(o: PyObject): void {
  const d = o.dict;
  if (d === null) return;
  if (d.gc_head === INLINE_VALUES) {
    d.clear();
  } else {
    o.dict = null;
    decref(d);
  }
}

/** _PyObject_GC_MAY_BE_TRACKED: a GC type, and for a tuple, currently tracked. */
export function mayBeTracked(o: PyObject): boolean {
  if (!o.ob_type.gcHeader) return false;
  if (o instanceof PyType) return o.isHeapType; // type_is_gc: builtin types are static
  if (o.ob_type === tupleType) return o.gc_head !== null;
  return true;
}

/** _PyTuple_MaybeUntrack's test: an exact tuple none of whose items may be tracked. */
export function tupleIsAtomic(o: PyObject): boolean {
  if (!(o instanceof PyTuple) || o.ob_type !== tupleType) return false;
  const items = o.items;
  for (let i = 0; i < items.length; i++) if (mayBeTracked(items[i])) return false;
  return true;
}

/** _PyDict_MaybeUntrack's test: an exact dict no key or value of which may be tracked. */
export function dictIsAtomic(o: PyObject, dictType: PyObject): boolean {
  if (!(o instanceof PyDict) || o.ob_type !== dictType) return false;
  const keys = o.keys, values = o.values;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k !== undefined && (mayBeTracked(k) || mayBeTracked(values[i]!))) return false;
  }
  return true;
}
