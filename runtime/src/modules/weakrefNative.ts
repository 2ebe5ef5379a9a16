// The `_weakref` module (Modules/_weakref.c + Objects/weakrefobject.c's Python-visible side):
// ref (weakref.ReferenceType), proxy, getweakrefcount, getweakrefs, _remove_dead_weakref.
// The weakref objects themselves live in objects/weakref.ts; which objects accept weak
// references is memory/gc/pyGc.ts's isWeakrefable.

import type { PyObject } from '../objects/pyobject';
import { PyType } from '../objects/typeobject';
import { PyStr, newStr } from '../objects/str';
import { newInt } from '../objects/int';
import { newBool } from '../objects/bool';
import { PyDict } from '../objects/dict';
import { newListSteal } from '../objects/list';
import { None, NotImplemented } from '../objects/none';
import { newException, TypeError, ReferenceError } from '../objects/exceptions';
import { defineMethods, defineGetSets, defineNew } from '../objects/define';
import { PyWeakRef, weakrefType, proxyType, callableProxyType, newWeakref, weakrefsTo } from '../objects/weakref';
import * as A from '../objects/abstract';
import { decref, newRef } from '../memory/heap';
import { isWeakrefable } from '../memory/gc/pyGc';
import { nativeModule, expectArgs } from './nativeModule';
import type { Interpreter } from '../vm/interpreter';

function hex(o: PyObject): string {
  return '0x' + o.ob_addr.toString(16);
}

function checkWeakrefable(o: PyObject): void {
  if (!isWeakrefable(o)) throw newException(TypeError, `cannot create weak reference to '${tpName(o.ob_type)}' object`);
}

function tpName(t: PyType): string {
  return t.isHeapType || t.module === 'builtins' ? t.name : `${t.module}.${t.name}`;
}

function isCallable(o: PyObject): boolean {
  return o.ob_type.lookup('__call__') !== null;
}

/** The referent of a live proxy, borrowed; ReferenceError once it died. */
function deref(self: PyObject): PyObject {
  const r = (self as PyWeakRef).referent;
  if (r === null) throw newException(ReferenceError, 'weakly-referenced object no longer exists');
  return r;
}

let typesDefined = false;

function defineTypes(): void {
  if (typesDefined) return;
  typesDefined = true;
  defineNew(weakrefType, (_self, args, kwnames) => {
    if (kwnames !== null && kwnames.length > 0) {
      throw newException(TypeError, `${(args[0] as PyType).name}() takes no keyword arguments`);
    }
    const cls = args[0] as PyType;
    const n = args.length - 1;
    if (n < 1 || n > 2) {
      throw newException(TypeError, n < 1 ? `__new__ expected at least 1 argument, got ${n}` : `__new__ expected at most 2 arguments, got ${n}`);
    }
    const ob = args[1];
    checkWeakrefable(ob);
    const cb = n === 2 && args[2] !== None ? args[2] : null;
    return newWeakref(cls, ob, cb, false);
  });
  defineMethods(weakrefType, {
    __init__: () => newRef(None),
    __call__: (self, args, kw) => {
      expectArgs('weakref', args, kw, 0);
      return newRef((self as PyWeakRef).referent ?? None);
    },
    __repr__: (self) => {
      const r = (self as PyWeakRef).referent;
      if (r === null) return newStr(`<weakref at ${hex(self)}; dead>`);
      let name: PyObject | null = null;
      try {
        name = A.getAttrOrNull(r, '__name__');
      } catch {
        name = null;
      }
      const suffix = name instanceof PyStr ? ` (${name.value})` : '';
      if (name !== null) decref(name);
      return newStr(`<weakref at ${hex(self)}; to '${tpName(r.ob_type)}' at ${hex(r)}${suffix}>`);
    },
    __hash__: (self) => {
      const wr = self as PyWeakRef;
      if (wr.hash !== null) return newInt(wr.hash);
      if (wr.referent === null) throw newException(TypeError, 'weak object has gone away');
      wr.hash = A.hash(wr.referent);
      return newInt(wr.hash);
    },
    __eq__: (self, args) => compareRefs(self, args[0], true),
    __ne__: (self, args) => compareRefs(self, args[0], false),
  });
  defineGetSets(weakrefType, {
    __callback__: [(self) => newRef((self as PyWeakRef).callback ?? None)],
  });

  for (const t of [proxyType, callableProxyType]) {
    defineMethods(t, {
      __getattribute__: (self, args) => A.getAttr(deref(self), (args[0] as PyStr).value),
      __setattr__: (self, args) => { A.setAttr(deref(self), (args[0] as PyStr).value, args[1]); return newRef(None); },
      __delattr__: (self, args) => { A.setAttr(deref(self), (args[0] as PyStr).value, null); return newRef(None); },
      __repr__: (self) => {
        const r = (self as PyWeakRef).referent;
        if (r === null) return newStr(`<weakproxy at ${hex(self)}; dead>`);
        return newStr(`<weakproxy at ${hex(self)}; to '${tpName(r.ob_type)}' at ${hex(r)}>`);
      },
      __str__: (self) => newStr(A.str(deref(self))),
      __bool__: (self) => newBool(A.isTrue(deref(self))),
      __len__: (self) => A.callMethod(deref(self), '__len__', []),
      __iter__: (self) => A.getIter(deref(self)),
      __getitem__: (self, args) => A.callMethod(deref(self), '__getitem__', [args[0]]),
      __setitem__: (self, args) => A.callMethod(deref(self), '__setitem__', [args[0], args[1]]),
      __delitem__: (self, args) => A.callMethod(deref(self), '__delitem__', [args[0]]),
      __contains__: (self, args) => A.callMethod(deref(self), '__contains__', [args[0]]),
      __eq__: (self, args) => A.richCompare(deref(self), unwrapProxy(args[0]), 2),
      __ne__: (self, args) => A.richCompare(deref(self), unwrapProxy(args[0]), 3),
      __lt__: (self, args) => A.richCompare(deref(self), unwrapProxy(args[0]), 0),
      __le__: (self, args) => A.richCompare(deref(self), unwrapProxy(args[0]), 1),
      __gt__: (self, args) => A.richCompare(deref(self), unwrapProxy(args[0]), 4),
      __ge__: (self, args) => A.richCompare(deref(self), unwrapProxy(args[0]), 5),
      __add__: (self, args) => A.callMethod(deref(self), '__add__', [unwrapProxy(args[0])]),
      __sub__: (self, args) => A.callMethod(deref(self), '__sub__', [unwrapProxy(args[0])]),
      __mul__: (self, args) => A.callMethod(deref(self), '__mul__', [unwrapProxy(args[0])]),
    });
  }
  A.staticTypesWithSetAttr.add(proxyType);
  A.staticTypesWithSetAttr.add(callableProxyType);
  defineMethods(callableProxyType, {
    __call__: (self, args, kw) => A.call(deref(self), args, kw),
  });
}

function unwrapProxy(o: PyObject): PyObject {
  if (o.ob_type === proxyType || o.ob_type === callableProxyType) return deref(o);
  return o;
}

function compareRefs(self: PyObject, other: PyObject, eq: boolean): PyObject {
  if (!(other instanceof PyWeakRef) || (other.ob_type !== weakrefType && !other.ob_type.isSubtypeOf(weakrefType))) {
    return newRef(NotImplemented);
  }
  const a = (self as PyWeakRef).referent, b = other.referent;
  if (a === null || b === null) {
    const same = self === other;
    return newBool(eq ? same : !same);
  }
  return A.richCompare(a, b, eq ? 2 : 3);
}

export function makeWeakrefNative(_interp: Interpreter): ReturnType<typeof nativeModule>['module'] {
  defineTypes();
  const m = nativeModule('_weakref');
  m.def('getweakrefcount', (_s, args, kw) => {
    expectArgs('getweakrefcount', args, kw, 1);
    return newInt(weakrefsTo(args[0]).length);
  });
  m.def('getweakrefs', (_s, args, kw) => {
    expectArgs('getweakrefs', args, kw, 1);
    return newListSteal(weakrefsTo(args[0]).map((w) => newRef(w)));
  });
  m.def('proxy', (_s, args, kw) => {
    expectArgs('proxy', args, kw, 1, 2);
    const ob = args[0];
    checkWeakrefable(ob);
    const cb = args.length === 2 && args[1] !== None ? args[1] : null;
    return newWeakref(isCallable(ob) ? callableProxyType : proxyType, ob, cb, true);
  });
  m.def('_remove_dead_weakref', (_s, args, kw) => {
    expectArgs('_remove_dead_weakref', args, kw, 2);
    const d = args[0];
    if (d instanceof PyDict) {
      const v = d.get(args[1]);
      if (v instanceof PyWeakRef && v.referent === null) d.delete(args[1]);
    }
    return newRef(None);
  });
  m.put('ref', newRef(weakrefType));
  m.put('ReferenceType', newRef(weakrefType));
  m.put('ProxyType', newRef(proxyType));
  m.put('CallableProxyType', newRef(callableProxyType));
  return m.module;
}
