// Name, attribute and import helpers of the eval loop: LOAD/STORE/DELETE_NAME over a frame's
// locals mapping, class-body LOAD_CLASSDEREF, LOAD_METHOD's unbound-method fast path, the
// messages of UnboundLocalError/NameError, IMPORT_FROM/IMPORT_STAR and SETUP_ANNOTATIONS.

import type { PyObject } from '../objects/pyobject';
import { PyType } from '../objects/typeobject';
import { decref, newRef } from '../memory/heap';
import { PyStr, newStr } from '../objects/str';
import { PyDict, newDict } from '../objects/dict';
import { PyFunction } from '../objects/function';
import { PyCell } from '../objects/cell';
import { PyMethodDescr } from '../objects/methodDescriptor';
import * as E from '../objects/exceptions';
import { PyBaseException, newException } from '../objects/exceptions';
import * as A from '../objects/abstract';
import { Frame } from './frame';
import type { Interpreter } from './interpreter';

export function unboundLocal(interp: Interpreter, f: Frame, i: number): PyBaseException {
  const name = f.code.co.co_localsplusnames[i];
  return newException(E.UnboundLocalError, `cannot access local variable '${name}' where it is not associated with a value`);
}

export function unboundDeref(interp: Interpreter, f: Frame, i: number): PyBaseException {
  const name = f.code.co.co_localsplusnames[i];
  if (f.code.co.co_localspluskinds[i] & 0x80) {
    return newException(E.NameError, `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`);
  }
  return newException(E.UnboundLocalError, `cannot access local variable '${name}' where it is not associated with a value`);
}

export function loadName(interp: Interpreter, f: Frame, name: string): PyObject {
  const locals = f.locals;
  if (locals !== null) {
    if (locals instanceof PyDict) {
      const v = locals.getStr(name);
      if (v !== undefined) return newRef(v);
    } else {
      const key = newStr(name);
      try {
        return A.getItem(locals, key);
      } catch (e) {
        if (!(e instanceof PyBaseException && e.ob_type.isSubtypeOf(E.KeyError))) throw e;
        decref(e);
      } finally {
        decref(key);
      }
    }
  }
  let v = f.globals.getStr(name);
  if (v === undefined) v = f.builtins.getStr(name);
  if (v === undefined) throw interp.nameError(name);
  return newRef(v);
}

export function storeName(interp: Interpreter, f: Frame, name: string, v: PyObject): void {
  const locals = f.locals;
  if (locals === null) throw newException(E.SystemError, `no locals found when storing '${name}'`);
  if (locals instanceof PyDict && locals.ob_type.isHeapType === false) locals.setStr(name, v);
  else {
    const key = newStr(name);
    try {
      A.setItem(locals, key, v);
    } finally {
      decref(key);
    }
  }
}

export function deleteName(interp: Interpreter, f: Frame, name: string): void {
  const locals = f.locals!;
  const key = newStr(name);
  try {
    if (locals instanceof PyDict) {
      if (!locals.delete(key)) throw interp.nameError(name);
    } else A.setItem(locals, key, null);
  } finally {
    decref(key);
  }
}

export function loadClassDeref(interp: Interpreter, f: Frame, i: number): PyObject {
  const name = f.code.co.co_localsplusnames[i];
  const locals = f.locals;
  if (locals instanceof PyDict) {
    const v = locals.getStr(name);
    if (v !== undefined) return newRef(v);
  }
  const v = (f.fast[i] as PyCell).contents;
  if (v === null) throw unboundDeref(interp, f, i);
  return newRef(v);
}

/** LOAD_METHOD: push (method, self) when the attribute is a plain method on the type, else (NULL, attr). */
export function loadMethod(interp: Interpreter, f: Frame, name: string): void {
  const stack = f.stack;
  const obj = stack[f.sp - 1]!;
  const type = obj.ob_type;
  if (!(obj instanceof PyType)) {
    const descr = type.lookup(name);
    if ((descr instanceof PyFunction || (descr instanceof PyMethodDescr && descr.kind !== 'classmethod'))
      && A.getAttrOrNull === A.getAttrOrNull && plainGetattr(interp, type)) {
      const shadow = obj.dict !== null ? obj.dict.getStr(name) : undefined;
      if (shadow === undefined) {
        descr.ob_refcnt++;
        stack[f.sp - 1] = descr;
        stack[f.sp++] = obj;
        return;
      }
    }
  }
  const attr = A.getAttr(obj, name);
  stack[f.sp - 1] = null;
  stack[f.sp++] = attr;
  decref(obj);
}

/** Does the type use object.__getattribute__ (so a method found on the type can be called unbound)? */
export function plainGetattr(interp: Interpreter, type: PyType): boolean {
  interp.objectGetattribute ??= type.mro[type.mro.length - 1].attrs.get('__getattribute__') ?? null;
  return type.lookup('__getattribute__') === interp.objectGetattribute;
}

export function setupAnnotations(interp: Interpreter, f: Frame): void {
  const locals = f.locals;
  if (locals instanceof PyDict) {
    if (locals.getStr('__annotations__') === undefined) {
      const d = newDict();
      locals.setStr('__annotations__', d);
      decref(d);
    }
  }
}

export function importFrom(interp: Interpreter, m: PyObject, name: string): PyObject {
  const v = A.getAttrOrNull(m, name);
  if (v !== null) return v;
  const modName = m.dict?.getStr('__name__');
  const mn = modName instanceof PyStr ? modName.value : '<unknown module name>';
  const e = newException(E.ImportError, `cannot import name '${name}' from '${mn}' (unknown location)`);
  e.name = newStr(mn);
  return (() => { throw e; })();
}

export function importStar(interp: Interpreter, f: Frame, m: PyObject): void {
  const d = m.dict;
  if (d === null || !(f.locals instanceof PyDict)) return;
  const all = d.getStr('__all__');
  if (all !== undefined) {
    A.forEach(all, (n) => {
      const v = A.getAttr(m, A.str(n));
      (f.locals as PyDict).setStr(A.str(n), v);
      decref(v);
    });
    return;
  }
  for (const [k, v] of d.entries()) {
    if (k instanceof PyStr && !k.value.startsWith('_')) (f.locals as PyDict).setStr(k.value, v);
  }
}
