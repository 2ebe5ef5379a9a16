// The pattern for giving a builtin type its methods, in the type's own file:
//
//   defineMethods(listType, { append(self, args) { ... }, __len__(self) { ... } });
//   defineGetSets(functionType, { __name__: [get, set] });
//
// Dunder names become wrapper_descriptors ("slot wrapper"), others method_descriptors, exactly
// the split CPython shows in reprs. `__new__` is stored as a builtin bound to the type, as
// CPython's tp_new wrapper is.

import type { PyObject } from './pyobject';
import { PyType } from './typeobject';
import { PyMethodDescr } from './methodDescriptor';
import { PyGetSetDescr, type Getter, type Setter } from './getsetDescriptor';
import { newBuiltinFunction, PyBuiltinFunction, type NativeMethod } from './builtinFunction';
import { immortalize, track } from '../memory/heap';

export function defineMethods(type: PyType, methods: Record<string, NativeMethod>): void {
  for (const [name, fn] of Object.entries(methods)) {
    const kind = name.startsWith('__') && name.endsWith('__') ? 'slot' : 'method';
    const descr = immortalize(track(new PyMethodDescr(name, type, fn, kind), 56));
    type.setAttr(name, descr);
  }
}

export function defineClassMethods(type: PyType, methods: Record<string, NativeMethod>): void {
  for (const [name, fn] of Object.entries(methods)) {
    type.setAttr(name, immortalize(track(new PyMethodDescr(name, type, fn, 'classmethod'), 56)));
  }
}

export function defineGetSets(type: PyType, getsets: Record<string, [Getter, Setter?]>): void {
  for (const [name, [get, set]] of Object.entries(getsets)) {
    type.setAttr(name, immortalize(track(new PyGetSetDescr(name, type, get, set ?? null), 48)));
  }
}

/**
 * `T.__new__(cls, *args)`: args[0] is the class being instantiated. tp_new_wrapper's checks come
 * first: cls must be a subtype of T whose nearest non-Python __new__ is T's own (so
 * object.__new__(int) is refused as unsafe).
 */
export function defineNew(type: PyType, fn: NativeMethod): void {
  let builtin: PyObject;
  const checked: NativeMethod = (self, args, kwnames) => {
    const sub = args[0];
    if (sub !== type) checkNewSubtype(type, builtin, sub);
    return fn(self, args, kwnames);
  };
  builtin = immortalize(newBuiltinFunction('__new__', checked, type, type.name));
  type.setAttr('__new__', builtin);
}

function checkNewSubtype(type: PyType, ownNew: PyObject, sub: PyObject | undefined): void {
  const fail = (text: string) => { throw newException(TypeErrorType, text); };
  if (sub === undefined) fail(`${type.name}.__new__(): not enough arguments`);
  if (!(sub instanceof PyType)) fail(`${type.name}.__new__(X): X is not a type object (${sub!.ob_type.name})`);
  const subtype = sub as PyType;
  if (!subtype.isSubtypeOf(type)) fail(`${type.name}.__new__(${subtype.name}): ${subtype.name} is not a subtype of ${type.name}`);
  // The most derived base whose __new__ is not written in Python must use this very __new__.
  let staticBase: PyType | null = subtype;
  while (staticBase !== null && staticBase.isHeapType && !(staticBase.lookup('__new__') instanceof PyBuiltinFunction)) staticBase = staticBase.base;
  if (staticBase !== null && staticBase.lookup('__new__') !== ownNew) {
    fail(`${type.name}.__new__(${subtype.name}) is not safe, use ${staticBase.name}.__new__()`);
  }
}

/** Plain attributes of a type (constants, nested helpers). */
export function defineAttr(type: PyType, name: string, value: PyObject): void {
  type.setAttr(name, value);
}

import { newException, TypeError as TypeErrorType } from './exceptions';

/** Positional-only arity check with CPython's usual wording. */
export function arity(name: string, args: PyObject[], kwnames: string[] | null, min: number, max = min): void {
  if (kwnames !== null && kwnames.length > 0) throw newException(TypeErrorType, `${name}() takes no keyword arguments`);
  const n = args.length;
  if (n >= min && n <= max) return;
  if (min === max) {
    if (min === 0) throw newException(TypeErrorType, `${name}() takes no arguments (${n} given)`);
    if (min === 1) throw newException(TypeErrorType, `${name}() takes exactly one argument (${n} given)`);
    throw newException(TypeErrorType, `${name} expected ${min} arguments, got ${n}`);
  }
  if (n < min) throw newException(TypeErrorType, `${name} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${n}`);
  throw newException(TypeErrorType, `${name} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${n}`);
}

/** Split vectorcall arguments into positional values and a keyword map. */
export function splitArgs(args: PyObject[], kwnames: string[] | null): [PyObject[], Map<string, PyObject>] {
  const kw = new Map<string, PyObject>();
  if (kwnames === null || kwnames.length === 0) return [args, kw];
  const npos = args.length - kwnames.length;
  for (let i = 0; i < kwnames.length; i++) kw.set(kwnames[i], args[npos + i]);
  return [args.slice(0, npos), kw];
}
