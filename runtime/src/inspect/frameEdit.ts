// Changing a stopped program on the user's request (DAP setVariable / setExpression) and the
// debug console's completions.
//
// Assignments keep refcounts exact: the new value gains the reference the slot holds, the old
// value loses it (and may be freed, running its __del__, as `x = value` would). A scalar typed in
// the editor (42, 'text', 1.5, True, None) becomes a new object, as the same literal would in
// the program. Completions only read names and attributes: nothing is run, nothing is increfed.

import type { PyObject } from '../objects/pyobject';
import { PyType } from '../objects/typeobject';
import { PyCell } from '../objects/cell';
import { PyList } from '../objects/list';
import { PyDict } from '../objects/dict';
import { PyStr } from '../objects/str';
import { PyModule } from '../objects/module';
import { newIntValue } from '../objects/int';
import { newFloat } from '../objects/float';
import { newStr } from '../objects/str';
import { True, False } from '../objects/bool';
import { None } from '../objects/none';
import { CO_FAST_CELL, CO_FAST_FREE } from '../compiler/codeObject';
import { decref, incref, xdecref } from '../memory/heap';
import type { Frame } from '../vm/frame';
import type { ConditionValue } from './conditions';
import { objectChildren } from './objectView';

/** A new reference to the object for an evaluated value (scalars become new objects). */
export function objectForValue(v: ConditionValue): PyObject {
  if (v === null) return None;
  if (typeof v === 'boolean') return v ? True : False;
  if (typeof v === 'bigint') return newIntValue(v);
  if (typeof v === 'number') return newFloat(v);
  if (typeof v === 'string') return newStr(v);
  incref(v);
  return v;
}

/** Store a new reference in a slot, dropping the old one last (its __del__ may run). */
function replaceSlot(slots: (PyObject | null)[], i: number, value: PyObject): void {
  const old = slots[i];
  slots[i] = value;
  xdecref(old);
}

/**
 * Bind `name` in the frame: a fast local, a cell's contents (shared with the closures that hold
 * the cell), or the frame's namespace (module and class bodies) / globals. Steals `value`.
 */
export function assignName(frame: Frame, name: string, value: PyObject): void {
  const co = frame.code.co;
  if (frame.locals === null) {
    const i = co.co_localsplusnames.indexOf(name);
    if (i >= 0) {
      const kind = co.co_localspluskinds[i];
      const slot = frame.fast[i];
      if ((kind & (CO_FAST_CELL | CO_FAST_FREE)) && slot instanceof PyCell) {
        const old = slot.contents;
        slot.contents = value;
        xdecref(old);
      } else replaceSlot(frame.fast, i, value);
      return;
    }
  }
  const namespace = frame.locals instanceof PyDict ? frame.locals : frame.globals;
  namespace.setStr(name, value);
  decref(value);
}

/** Bind `name` in a namespace dict (module globals). Steals `value`. */
export function assignInDict(dict: PyDict, name: string, value: PyObject): void {
  dict.setStr(name, value);
  decref(value);
}

/** Give back a value objectForValue made that was not stored after all. */
export function dropValue(value: PyObject): void {
  decref(value);
}

/** Replace item `index` of a list (a child named '[i]' in the variables view). Steals `value`. */
export function assignListItem(list: PyList, index: number, value: PyObject): boolean {
  if (index < 0 || index >= list.items.length) {
    decref(value);
    return false;
  }
  replaceSlot(list.items, index, value);
  return true;
}

/** Set an instance attribute stored in its __dict__ (no descriptors run). Steals `value`. */
export function assignAttribute(o: PyObject, name: string, value: PyObject): boolean {
  if (o.dict === null || o instanceof PyType) {
    decref(value);
    return false;
  }
  o.dict.setStr(name, value);
  decref(value);
  return true;
}

/** The object a name is bound to in the frame (locals, cells, namespace, globals, builtins), borrowed. */
export function lookupName(frame: Frame, name: string): PyObject | null {
  const co = frame.code.co;
  if (frame.locals === null) {
    const i = co.co_localsplusnames.indexOf(name);
    if (i >= 0) {
      const slot = frame.fast[i];
      return slot instanceof PyCell && (co.co_localspluskinds[i] & (CO_FAST_CELL | CO_FAST_FREE)) ? slot.contents : slot;
    }
  } else if (frame.locals instanceof PyDict) {
    const v = frame.locals.getStr(name);
    if (v !== undefined) return v;
  }
  return frame.globals.getStr(name) ?? frame.builtins.getStr(name) ?? null;
}

/** Names visible in the frame: locals, cells and free variables, globals, builtins (no duplicates). */
export function namesInScope(frame: Frame): string[] {
  const names = new Set<string>();
  const co = frame.code.co;
  if (frame.locals === null) for (const n of co.co_localsplusnames) names.add(n);
  const addKeys = (d: PyDict) => {
    for (const k of d.keyList()) if (k instanceof PyStr) names.add(k.value);
  };
  if (frame.locals instanceof PyDict) addKeys(frame.locals);
  addKeys(frame.globals);
  addKeys(frame.builtins);
  return [...names];
}

/** Attribute names of an object as dir() would list them, read without running code. */
export function attributeNames(o: PyObject): string[] {
  const names = new Set<string>();
  if (o instanceof PyModule && o.dict !== null) {
    for (const k of o.dict.keyList()) if (k instanceof PyStr) names.add(k.value);
  } else if (o.dict !== null && !(o instanceof PyType)) {
    for (const k of o.dict.keyList()) if (k instanceof PyStr) names.add(k.value);
  }
  const types = o instanceof PyType ? o.mro : o.ob_type.mro;
  for (const t of types) for (const k of t.attrs.keys()) names.add(k);
  if (!(o instanceof PyModule)) for (const child of objectChildren(o)) if (/^[A-Za-z_]\w*$/.test(child.name)) names.add(child.name);
  return [...names].sort();
}


