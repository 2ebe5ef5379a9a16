// Weak references (Objects/weakrefobject.c): weakref.ReferenceType and the two proxy types.
//
// A weakref does not own its referent: `referent` is a borrowed pointer that the referent's
// death clears (clearWeakrefs), after which calling the ref gives None. The weakref owns its
// callback until it is cleared.
//
// Invariants:
//  - every live weakref to an object is in that object's list (`weakrefLists`), in CPython's
//    order: the basic ref (no callback, exact type) first, then the basic proxy, then the
//    others newest first (insert_after the basics), so callbacks run newest first;
//  - `ref(o)` with no callback returns the existing basic ref (a new reference to it);
//  - clearing happens before the referent's memory is reused, so `referent` never points to a
//    dead object.

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track, decref, xdecref, newRef } from '../memory/heap';

export const weakrefType: PyType = makeStaticType('ReferenceType', undefined, { gcHeader: true, basicsize: 64 });
weakrefType.module = 'weakref';
export const proxyType: PyType = makeStaticType('ProxyType', undefined, { gcHeader: true, basicsize: 64, isBaseType: false });
proxyType.module = 'weakref';
export const callableProxyType: PyType = makeStaticType('CallableProxyType', undefined, { gcHeader: true, basicsize: 64, isBaseType: false });
callableProxyType.module = 'weakref';

export class PyWeakRef extends PyObject {
  declare referent: PyObject | null;
  declare callback: PyObject | null;
  declare hash: number | null;
  constructor(type: PyType) {
    super(type);
    this.referent = null;
    this.callback = null;
    this.hash = null;
  }
}

/** Live weakrefs per referent, in CPython's list order. */
const weakrefLists = new Map<PyObject, PyWeakRef[]>();

export function weakrefsTo(o: PyObject): readonly PyWeakRef[] {
  return weakrefLists.get(o) ?? [];
}

export function hasWeakrefs(o: PyObject): boolean {
  return weakrefLists.size !== 0 && weakrefLists.has(o);
}

function isBasic(wr: PyWeakRef): boolean {
  return wr.callback === null && (wr.ob_type === weakrefType || wr.ob_type === proxyType || wr.ob_type === callableProxyType);
}

/**
 * weakref___new__ / PyWeakref_NewRef / NewProxy: a weakref of `type` to `referent`. The caller
 * has checked the referent is weak-referenceable. `callback` None means no callback.
 */
export function newWeakref(type: PyType, referent: PyObject, callback: PyObject | null, proxy: boolean): PyWeakRef {
  let list = weakrefLists.get(referent);
  const exact = proxy || type === weakrefType;
  if (callback === null && exact && list !== undefined) {
    for (const wr of list) {
      if (wr.callback === null && (proxy ? wr.ob_type !== weakrefType : wr.ob_type === weakrefType)) return newRef(wr);
    }
  }
  const wr = track(new PyWeakRef(type), type.basicsize);
  wr.referent = referent;
  wr.callback = callback === null ? null : newRef(callback);
  if (list === undefined) {
    list = [];
    weakrefLists.set(referent, list);
  }
  if (callback === null && exact && !proxy) {
    list.unshift(wr);
  } else {
    // insert_after(basic ref / basic proxy), or at the head
    let at = 0;
    while (at < list.length && isBasic(list[at]) && at < 2) at++;
    list.splice(at, 0, wr);
  }
  return wr;
}

function unlinkWeakref(wr: PyWeakRef): void {
  const r = wr.referent;
  if (r === null) return;
  wr.referent = null;
  const list = weakrefLists.get(r);
  if (list === undefined) return;
  const i = list.indexOf(wr);
  if (i >= 0) list.splice(i, 1);
  if (list.length === 0) weakrefLists.delete(r);
}

/** _PyWeakref_ClearRef: the referent is gone; the callback (if any) stays for the caller. */
export function clearRef(wr: PyWeakRef): void {
  unlinkWeakref(wr);
}

/**
 * PyObject_ClearWeakRefs's first half: clear every weakref to `o` and return, in list order,
 * [weakref, callback] for those with a callback (each pair holds new references).
 */
export function detachWeakrefs(o: PyObject): [PyWeakRef, PyObject][] {
  const list = weakrefLists.get(o);
  if (list === undefined) return [];
  weakrefLists.delete(o);
  const calls: [PyWeakRef, PyObject][] = [];
  for (const wr of list) {
    wr.referent = null;
    const cb = wr.callback;
    wr.callback = null;
    if (cb !== null) calls.push([newRef(wr), cb]);
  }
  return calls;
}

function weakrefDealloc(obj: PyObject): void {
  const wr = obj as PyWeakRef;
  unlinkWeakref(wr);
  const cb = wr.callback;
  wr.callback = null;
  xdecref(cb);
  if (wr.dict !== null) {
    const d = wr.dict;
    wr.dict = null;
    decref(d);
  }
}
weakrefType.tp_dealloc = proxyType.tp_dealloc = callableProxyType.tp_dealloc = weakrefDealloc;
weakrefType.newInstance = (type) => track(new PyWeakRef(type), type.basicsize);
