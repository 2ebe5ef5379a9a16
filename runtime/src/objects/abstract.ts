// The abstract object protocols (CPython's Objects/abstract.c, object.c, typeobject.c's slot
// dispatch): attribute access with descriptors, calls, repr/str, hashing, rich comparison,
// binary operators with reflected operands, iteration, subscription, truth.
//
// Dispatch rule: every operation looks up the dunder on the TYPE (never the instance), walking
// the MRO through PyType.lookup's cache. Builtin types register their dunders as native
// descriptors (see define.ts), which are called directly without binding; Python-level dunders
// go through `callSupport.callFunction`, the VM's re-entrant call (a nested eval loop run,
// bounded by the recursion limit). Exact builtin types take fast paths before any lookup.
//
// Reference convention: arguments are borrowed, results are new references.

import { PyObject } from './pyobject';
import { PyType, typeType, objectType } from './typeobject';
import { decref, newRef } from '../memory/heap';
import { PyInt, intType, newInt, newIntValue, addValues, subValues, mulValues, type IntValue, toBig, intToFloat } from './int';
import { boolType, True, False, newBool } from './bool';
import { PyFloat, floatType, newFloat } from './float';
import { PyComplex, complexType } from './complex';
import { PyBytes, bytesType } from './bytes';

let complexHash: PyObject | null = null;
/** complex.__hash__'s descriptor, so hash() of complex and its subclasses skips the int re-hash. */
export function setComplexHash(d: PyObject | null): void {
  complexHash = d;
}
void complexType;
import { PyStr, strType, newStr, isAstral, codePointLength, compareStrings } from './str';
import { PyTuple, tupleType, newTupleSteal } from './tuple';
import { PyList, listType, newListSteal } from './list';
import { PyDict, dictSupport, dictType } from './dict';
import { setSupport } from './set';
import { None, NotImplemented, noneType } from './none';
import { PyFunction } from './function';
import { PyBuiltinFunction, newBuiltinFunction } from './builtinFunction';
import { PyMethodDescr } from './methodDescriptor';
import { methodWrapperType } from './methodWrapper';
import { PyGetSetDescr } from './getsetDescriptor';
import { PyMethod, newMethod } from './method';
import { PyProperty, PyClassMethod, PyStaticMethod } from './descriptors';
import { PyIterator } from './iterator';
import { PyModule } from './module';
import {
  newException, TypeError, AttributeError, StopIteration, PyBaseException, IndexError, KeyError, OverflowError,
  ValueError,
} from './exceptions';
import { reprFloat } from '../text/repr';
import { gcSupport } from '../memory/gc/support';
import * as H from '../hashing/hash';

/** Hooks the VM installs: calling Python functions and the recursion guard for native re-entry. */
export const callSupport = {
  callFunction: null as unknown as (f: PyFunction, args: PyObject[], kwnames: string[] | null) => PyObject,
  enterRecursive: (_where: string): void => {},
  leaveRecursive: (): void => {},
  /** Globals of the running Python frame (type() uses them for __module__). */
  currentGlobals: (): PyDict | null => null,
  /** Report an exception that cannot propagate (from __del__): "Exception ignored in: ...". */
  unraisable: (_e: unknown, _obj: PyObject): void => {},
  /**
   * PyErr_WarnEx(category, message, 1) from a native: warnings.warn at the running Python line,
   * through the warnings filters (a filter's "error" raises here); with `at`, warn_explicit there.
   */
  warn: (_category: PyType, _message: string, _at?: { filename: string; lineno: number }): void => {},
};

export function typeName(o: PyObject): string {
  return o.ob_type.name;
}

export function raiseType(message: string): never {
  throw newException(TypeError, message);
}

// ---------------------------------------------------------------- calls

/** Call any callable with vectorcall-style arguments. */
export function call(callable: PyObject, args: PyObject[], kwnames: string[] | null = null): PyObject {
  if (callable instanceof PyFunction) return callSupport.callFunction(callable, args, kwnames);
  if (callable instanceof PyBuiltinFunction) return callable.fn(callable.self ?? None, args, kwnames);
  if (callable instanceof PyMethod) return call(callable.func, [callable.self, ...args], kwnames);
  if (callable instanceof PyMethodDescr) return callDescriptor(callable, args, kwnames);
  if (callable instanceof PyType) return callType(callable, args, kwnames);
  const dunder = callable.ob_type.lookup('__call__');
  if (dunder === null) raiseType(`'${typeName(callable)}' object is not callable`);
  return callBound(dunder, callable, args, kwnames);
}

/** Call an unbound descriptor found on a type with `self` prepended (no bound object made). */
export function callBound(descr: PyObject, self: PyObject, args: PyObject[], kwnames: string[] | null = null): PyObject {
  if (descr instanceof PyMethodDescr && descr.kind !== 'classmethod') return descr.fn(self, args, kwnames);
  if (descr instanceof PyFunction) return callSupport.callFunction(descr, [self, ...args], kwnames);
  const bound = descrGet(descr, self, self.ob_type);
  try {
    return call(bound, args, kwnames);
  } finally {
    decref(bound);
  }
}

function callDescriptor(d: PyMethodDescr, args: PyObject[], kwnames: string[] | null): PyObject {
  if (d.kind === 'classmethod') {
    return d.fn(d.owner, args, kwnames);
  }
  // A slot wrapper (wrapperdescr_call) and a method descriptor (method_check_args) word these apart.
  if (args.length === 0 || (kwnames !== null && args.length <= kwnames.length)) {
    if (d.kind === 'slot') raiseType(`descriptor '${d.name}' of '${d.owner.name}' object needs an argument`);
    raiseType(`unbound method ${d.owner.name}.${d.name}() needs an argument`);
  }
  const self = args[0];
  if (!self.ob_type.isSubtypeOf(d.owner)) {
    if (d.kind === 'slot') raiseType(`descriptor '${d.name}' requires a '${d.owner.name}' object but received a '${typeName(self)}'`);
    raiseType(`descriptor '${d.name}' for '${d.owner.name}' objects doesn't apply to a '${typeName(self)}' object`);
  }
  return d.fn(self, args.slice(1), kwnames);
}

/** Look up `name` on the type of `self` and call it; null when the type has no such attribute. */
export function callMethodIfPresent(self: PyObject, name: string, args: PyObject[]): PyObject | null {
  const d = self.ob_type.lookup(name);
  if (d === null) return null;
  return callBound(d, self, args);
}

export function callMethod(self: PyObject, name: string, args: PyObject[], kwnames: string[] | null = null): PyObject {
  const m = getAttr(self, name);
  try {
    return call(m, args, kwnames);
  } finally {
    decref(m);
  }
}

/** type.__call__: __new__ then __init__ (typeobject.c type_call). */
export function callType(type: PyType, args: PyObject[], kwnames: string[] | null): PyObject {
  if (type === typeType) {
    const npos = args.length - (kwnames?.length ?? 0);
    if (npos === 1 && kwnames === null) return newRef(args[0].ob_type);
    if (npos !== 3) raiseType('type() takes 1 or 3 arguments');
  }
  const meta = type.ob_type;
  if (meta !== typeType) {
    const metaCall = meta.lookup('__call__');
    if (metaCall !== null && !(metaCall instanceof PyMethodDescr)) return callBound(metaCall, type, args, kwnames);
  }
  return typeCall(type, args, kwnames);
}

/**
 * type_call itself, for `type.__call__(cls, ...)` (a metaclass's `super().__call__`): __new__ then
 * __init__, without looking at the metaclass's __call__ again.
 */
export function typeCall(type: PyType, args: PyObject[], kwnames: string[] | null): PyObject {
  if (type === typeType) {
    const npos = args.length - (kwnames?.length ?? 0);
    if (npos === 1 && kwnames === null) return newRef(args[0].ob_type);
    if (npos !== 3) raiseType('type() takes 1 or 3 arguments');
  }
  const newFn = type.lookup('__new__');
  if (newFn === null) raiseType(`cannot create '${type.name}' instances`);
  const obj = call(newFn, [type, ...args], kwnames);
  if (!obj.ob_type.isSubtypeOf(type)) return obj;
  const init = obj.ob_type.lookup('__init__');
  if (init !== null) {
    const r = callBound(init, obj, args, kwnames);
    if (r !== None) {
      decref(obj);
      const n = typeName(r);
      decref(r);
      raiseType(`__init__() should return None, not '${n}'`);
    }
    decref(r);
  }
  return obj;
}

// ---------------------------------------------------------------- attributes

export function isDataDescriptor(d: PyObject): boolean {
  if (d instanceof PyGetSetDescr || d instanceof PyProperty) return true;
  const t = d.ob_type;
  if (!t.isHeapType) return false;
  return t.lookup('__set__') !== null || t.lookup('__delete__') !== null;
}

/** descr.__get__(obj, type): binding functions, native methods, properties, class/static methods. */
export function descrGet(descr: PyObject, obj: PyObject | null, type: PyType): PyObject {
  if (descr instanceof PyFunction) return obj === null ? newRef(descr) : newMethod(descr, obj);
  if (descr instanceof PyMethodDescr) {
    if (descr.kind === 'classmethod') return newBuiltinFunction(descr.name, descr.fn, type, descr.owner.name, `${descr.owner.name}.${descr.name}`);
    if (obj === null) return newRef(descr);
    const bound = newBuiltinFunction(descr.name, descr.fn, obj, descr.owner.name, `${descr.owner.name}.${descr.name}`);
    if (descr.kind === 'slot') bound.ob_type = methodWrapperType;
    return bound;
  }
  if (descr instanceof PyGetSetDescr) return obj === null ? newRef(descr) : descr.get(obj);
  if (descr instanceof PyProperty) {
    if (obj === null) return newRef(descr);
    if (descr.fget === null) {
      const pname = descr.name !== null ? ` '${str(descr.name)}'` : '';
      throw newException(AttributeError, `property${pname} of '${typeName(obj)}' object has no getter`);
    }
    return call(descr.fget, [obj]);
  }
  if (descr instanceof PyClassMethod) {
    const inner = descr.callable!;
    const innerGet = inner.ob_type.lookup('__get__');
    if (innerGet !== null && !(inner instanceof PyFunction) && inner.ob_type.isHeapType) return call(innerGet, [inner, type, type]);
    return newMethod(inner, type);
  }
  if (descr instanceof PyStaticMethod) return newRef(descr.callable!);
  const t = descr.ob_type;
  if (t.isHeapType || t === typeType) {
    const get = t.lookup('__get__');
    if (get !== null) return callBound(get, descr, [obj ?? None, type]);
  }
  return newRef(descr);
}

/** object.__getattribute__ without raising: the attribute or null. */
export function genericGetAttr(obj: PyObject, name: string): PyObject | null {
  const type = obj.ob_type;
  const descr = type.lookup(name);
  if (descr !== null && isDataDescriptor(descr)) return descrGet(descr, obj, type);
  const d = obj.dict;
  if (d !== null) {
    const v = d.getStr(name);
    if (v !== undefined) return newRef(v);
  }
  if (descr !== null) return descrGet(descr, obj, type);
  return null;
}

/** type.__getattribute__: metatype data descriptors, then the MRO (binding with obj=None), then the metatype. */
export function typeGetAttr(type: PyType, name: string): PyObject | null {
  const meta = type.ob_type;
  const metaAttr = meta.lookup(name);
  if (metaAttr !== null && isDataDescriptor(metaAttr)) return descrGet(metaAttr, type, meta);
  const attr = type.lookup(name);
  if (attr !== null) return descrGet(attr, null, type);
  if (metaAttr !== null) return descrGet(metaAttr, type, meta);
  return null;
}

let objectGetAttribute: PyObject | null = null;
let typeGetAttribute: PyObject | null = null;

// Per-type attribute dispatch, derived from three MRO lookups and cached on the type (until any
// class namespace changes), so a plain attribute read or write costs one check, not the lookups.
const ATTR_COMPUTED = 1;
/** object's or type's __getattribute__ and no __getattr__ to fall back on. */
const ATTR_PLAIN_GET = 2;
/** A heap type whose __setattr__ is object's. */
const ATTR_PLAIN_SET = 4;

function attrDispatch(type: PyType): number {
  let bits = type.cachedAttrDispatch();
  if (bits !== 0) return bits;
  objectGetAttribute ??= objectType.attrs.get('__getattribute__') ?? null;
  typeGetAttribute ??= typeType.attrs.get('__getattribute__') ?? null;
  objectSetAttr ??= objectType.attrs.get('__setattr__') ?? null;
  bits = ATTR_COMPUTED;
  const ga = type.lookup('__getattribute__');
  if ((ga === objectGetAttribute || ga === typeGetAttribute || ga === null) && !(type.isHeapType && type.lookup('__getattr__') !== null)) {
    bits |= ATTR_PLAIN_GET;
  }
  const sa = type.lookup('__setattr__');
  if (type.isHeapType && (sa === null || sa === objectSetAttr)) bits |= ATTR_PLAIN_SET;
  type.setCachedAttrDispatch(bits);
  return bits;
}

/**
 * Without raising AttributeError: the attribute (new ref) or null. `fromGetattr` lets a class's
 * __getattr__ raise its own AttributeError (slot_tp_getattr_hook), for getAttr's message.
 */
export function getAttrOrNull(obj: PyObject, name: string, fromGetattr = false): PyObject | null {
  const type = obj.ob_type;
  if ((attrDispatch(type) & ATTR_PLAIN_GET) !== 0) {
    const found = obj instanceof PyType ? typeGetAttr(obj, name) : genericGetAttr(obj, name);
    if (found === null && obj instanceof PyModule) return moduleGetattrOrNull(obj, name);
    return found;
  }
  objectGetAttribute ??= objectType.attrs.get('__getattribute__') ?? null;
  typeGetAttribute ??= typeType.attrs.get('__getattribute__') ?? null;
  const ga = type.lookup('__getattribute__');
  let r: PyObject | null;
  if (ga === objectGetAttribute || ga === typeGetAttribute || ga === null) {
    r = obj instanceof PyType ? typeGetAttr(obj, name) : genericGetAttr(obj, name);
  } else {
    try {
      const nameObj = newStr(name);
      try {
        r = callBound(ga, obj, [nameObj]);
      } finally {
        decref(nameObj);
      }
    } catch (e) {
      if (e instanceof PyBaseException && e.ob_type.isSubtypeOf(AttributeError)) {
        r = null;
        // A class's own __getattribute__ keeps its message (getAttr re-raises it); a builtin's
        // (bound method) means "no such attribute" and gets the generic one.
        if (type.lookup('__getattr__') === null && type.isHeapType) throw e;
        decref(e);
      } else throw e;
    }
  }
  if (r === null && type.isHeapType) {
    const getattr = type.lookup('__getattr__');
    if (getattr !== null) {
      const nameObj = newStr(name);
      try {
        return callBound(getattr, obj, [nameObj]);
      } catch (e) {
        if (!fromGetattr && e instanceof PyBaseException && e.ob_type.isSubtypeOf(AttributeError)) {
          decref(e);
          return null;
        }
        throw e;
      } finally {
        decref(nameObj);
      }
    }
  }
  return r;
}

function callModuleGetattr(hook: PyObject, name: string): PyObject {
  const nameObj = newStr(name);
  try {
    return call(hook, [nameObj]);
  } finally {
    decref(nameObj);
  }
}

/** getattr(module, name, default)'s view of PEP 562: the hook's AttributeError means "absent". */
function moduleGetattrOrNull(m: PyModule, name: string): PyObject | null {
  const hook = m.dict?.getStr('__getattr__');
  if (hook === undefined) return null;
  try {
    return callModuleGetattr(hook, name);
  } catch (e) {
    if (!(e instanceof PyBaseException && e.ob_type.isSubtypeOf(AttributeError))) throw e;
    decref(e);
    return null;
  }
}

export function attributeError(obj: PyObject, name: string): PyBaseException {
  let msg: string;
  if (obj instanceof PyModule) msg = `module '${obj.name}' has no attribute '${name}'`;
  else if (obj instanceof PyType) msg = `type object '${obj.name}' has no attribute '${name}'`;
  else msg = `'${typeName(obj)}' object has no attribute '${name}'`;
  const e = newException(AttributeError, msg);
  e.name = newStr(name);
  e.extra = newRef(obj);
  return e;
}

export function getAttr(obj: PyObject, name: string): PyObject {
  const type = obj.ob_type;
  if ((attrDispatch(type) & ATTR_PLAIN_GET) !== 0) {
    const r = obj instanceof PyType ? typeGetAttr(obj, name) : genericGetAttr(obj, name);
    if (r === null) {
      // PEP 562: a module's own __getattr__ answers (or raises) for a name its dict lacks.
      const hook = obj instanceof PyModule ? obj.dict?.getStr('__getattr__') : undefined;
      if (hook !== undefined) return callModuleGetattr(hook, name);
      throw attributeError(obj, name);
    }
    return r;
  }
  const ga = type.lookup('__getattribute__');
  if (ga !== null && ga !== objectGetAttribute && ga !== typeGetAttribute && type.lookup('__getattr__') === null) {
    // A user __getattribute__ without __getattr__: its own AttributeError propagates unchanged.
    const nameObj = newStr(name);
    try {
      return callBound(ga, obj, [nameObj]);
    } finally {
      decref(nameObj);
    }
  }
  const r = getAttrOrNull(obj, name, true);
  if (r === null) throw attributeError(obj, name);
  return r;
}

export function hasAttr(obj: PyObject, name: string): boolean {
  let r: PyObject | null;
  try {
    r = getAttrOrNull(obj, name);
  } catch (e) {
    // A custom __getattribute__'s AttributeError (getAttrOrNull re-raises it to keep its message).
    if (e instanceof PyBaseException && e.ob_type.isSubtypeOf(AttributeError)) {
      decref(e);
      return false;
    }
    throw e;
  }
  if (r === null) return false;
  decref(r);
  return true;
}

let objectSetAttr: PyObject | null = null;

/** Builtin types whose own __setattr__/__delattr__ must be called (weakref proxies forward). */
export const staticTypesWithSetAttr = new Set<PyType>();

/** setattr(obj, name, value); value null deletes. */
export function setAttr(obj: PyObject, name: string, value: PyObject | null): void {
  const type = obj.ob_type;
  if (value !== null && type.isHeapType && (attrDispatch(type) & ATTR_PLAIN_SET) !== 0) {
    genericSetAttr(obj, name, value);
    return;
  }
  objectSetAttr ??= objectType.attrs.get('__setattr__') ?? null;
  if (type.isHeapType || (staticTypesWithSetAttr.size !== 0 && staticTypesWithSetAttr.has(type))) {
    const custom = type.lookup(value === null ? '__delattr__' : '__setattr__');
    if (custom !== null && custom !== objectSetAttr && custom !== objectType.attrs.get('__delattr__')) {
      const nameObj = newStr(name);
      try {
        decref(callBound(custom, obj, value === null ? [nameObj] : [nameObj, value]));
      } finally {
        decref(nameObj);
      }
      return;
    }
  }
  genericSetAttr(obj, name, value);
}

export function genericSetAttr(obj: PyObject, name: string, value: PyObject | null): void {
  if (obj instanceof PyType) {
    if (!obj.isHeapType) {
      raiseType(`cannot set '${name}' attribute of immutable type '${obj.name}'`);
    }
    const metaDescr = obj.ob_type.lookup(name);
    if (metaDescr !== null && metaDescr instanceof PyGetSetDescr && metaDescr.set !== null) {
      metaDescr.set(obj, value);
      return;
    }
    if (value === null) {
      if (!obj.deleteAttr(name)) throw newException(AttributeError, `type object '${obj.name}' has no attribute '${name}'`);
    } else obj.setAttr(name, value);
    return;
  }
  const type = obj.ob_type;
  const descr = type.lookup(name);
  if (descr !== null) {
    if (descr instanceof PyGetSetDescr) {
      if (descr.set === null) throw newException(AttributeError, `attribute '${name}' of '${type.name}' objects is not writable`);
      descr.set(obj, value);
      return;
    }
    if (descr instanceof PyProperty) {
      const f = value === null ? descr.fdel : descr.fset;
      if (f === null) {
        const pname = descr.name !== null ? ` '${str(descr.name)}'` : '';
        throw newException(AttributeError, `property${pname} of '${type.name}' object has no ${value === null ? 'deleter' : 'setter'}`);
      }
      decref(call(f, value === null ? [obj] : [obj, value]));
      return;
    }
    if (descr.ob_type.isHeapType) {
      const setter = descr.ob_type.lookup(value === null ? '__delete__' : '__set__');
      if (setter !== null) {
        decref(callBound(setter, descr, value === null ? [obj] : [obj, value]));
        return;
      }
    }
  }
  let d = obj.dict;
  if (d === null) {
    if (!type.instancesHaveDict) {
      if (descr === null) throw newException(AttributeError, `'${type.name}' object has no attribute '${name}'`);
      throw newException(AttributeError, `'${type.name}' object attribute '${name}' is read-only`);
    }
    // A plain class instance keeps its attributes inline (3.11): no dict object until __dict__.
    d = obj.dict = type.isHeapType && type.instanceLayout.name === 'object' ? gcSupport.makeInlineDict(dictFactory) : dictFactory();
    d.shared = type.cachedKeys; // a split table on the class's shared keys
  }
  if (value === null) {
    const key = newStr(name);
    const found = d.delete(key);
    decref(key);
    if (!found) throw attributeError(obj, name);
  } else d.setStr(name, value);
}

/** Creates instance dicts (set by dict's methods file to avoid a load cycle). */
export let dictFactory: () => PyDict = null as unknown as () => PyDict;
export function setDictFactory(f: () => PyDict): void {
  dictFactory = f;
}

// ---------------------------------------------------------------- repr, str, hash

export function repr(o: PyObject): string {
  if (o instanceof PyStr && o.ob_type === strType) return reprStrValue(o.value);
  if (o.ob_type === intType && typeof (o as PyInt).value === 'number') return (o as PyInt).value.toString();
  const r = reprObj(o);
  const s = (r as PyStr).value;
  decref(r);
  return s;
}

let reprStrValue: (s: string) => string = (s) => s;
export function setReprStr(f: (s: string) => string): void {
  reprStrValue = f;
}

export function reprObj(o: PyObject): PyStr {
  const m = o.ob_type.lookup('__repr__');
  if (m === null) return newStr(`<${typeName(o)} object>`);
  callSupport.enterRecursive(' while getting the repr of an object');
  let r: PyObject;
  try {
    r = callBound(m, o, []);
  } finally {
    callSupport.leaveRecursive();
  }
  if (!(r instanceof PyStr)) {
    const n = typeName(r);
    decref(r);
    raiseType(`__repr__ returned non-string (type ${n})`);
  }
  return r;
}

export function str(o: PyObject): string {
  if (o instanceof PyStr && o.ob_type === strType) return o.value;
  const r = strObj(o);
  const s = r.value;
  decref(r);
  return s;
}

export function strObj(o: PyObject): PyStr {
  if (o.ob_type === strType) return newRef(o as PyStr);
  if (o.ob_type === intType && typeof (o as PyInt).value === 'number') return newStr((o as PyInt).value.toString());
  if (o.ob_type === floatType) return newStr(reprFloat((o as PyFloat).value));
  const m = o.ob_type.lookup('__str__');
  if (m === null) return reprObj(o);
  const r = callBound(m, o, []);
  if (!(r instanceof PyStr)) {
    const n = typeName(r);
    decref(r);
    raiseType(`__str__ returned non-string (type ${n})`);
  }
  return r;
}

const HASH_MODULUS = 2305843009213693951n; // 2**61 - 1

export function hashInt(v: IntValue): number {
  if (typeof v === 'number') {
    // Safe integers are below the modulus, so the hash is the value itself (-1 is reserved).
    return v === -1 ? -2 : v;
  }
  const neg = v < 0n;
  let h = (neg ? -v : v) % HASH_MODULUS;
  if (neg) h = -h;
  const n = Number(h);
  return n === -1 ? -2 : n;
}

export function hashFloat(x: number): number {
  if (Number.isInteger(x)) {
    if (Number.isSafeInteger(x)) return x === -1 ? -2 : x;
    return hashInt(BigInt(x));
  }
  if (Number.isNaN(x)) return 0;
  if (!Number.isFinite(x)) return x > 0 ? 314159 : -314159;
  // CPython's _Py_HashDouble reduces the exact rational value modulo 2**61-1.
  let m = Math.abs(x);
  let e = 0;
  while (m < 1) { m *= 2; e--; }
  while (m >= 1) { m /= 2; e++; }
  let h = 0n;
  for (let i = 0; i < 6 && m !== 0; i++) {
    m *= 268435456; // 2**28
    e -= 28;
    const y = Math.floor(m);
    m -= y;
    h = ((h << 28n) & HASH_MODULUS) | (h >> 33n);
    h = (h + BigInt(y)) % HASH_MODULUS;
  }
  const E = ((e % 61) + 61) % 61;
  h = ((h << BigInt(E)) & HASH_MODULUS) | (h >> BigInt(61 - E));
  let r = Number(x < 0 ? -h : h);
  if (r === -1) r = -2;
  return r;
}

/** Placeholder str hash until runtime/src/hashing provides CPython's siphash13 (PYTHONHASHSEED=0). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h === -1 ? -2 : h;
}

export function hashPointer(o: PyObject): number {
  return Math.floor(o.ob_addr / 16);
}

/** hash(o) as CPython computes it (siphash13 for str under PYTHONHASHSEED=0, int/float/tuple hashes). */
export function hashFull(o: PyObject): H.PyHash {
  const t = o.ob_type;
  if (o instanceof PyStr) {
    let h = o.fullHash;
    if (h === null) h = o.fullHash = H.hashStr(o.value);
    return h;
  }
  if (t === intType || t === boolType) return H.hashInt((o as PyInt).value);
  if (t === floatType) return H.hashFloat((o as PyFloat).value, o.ob_addr);
  if (o instanceof PyComplex && t.lookup('__hash__') === complexHash) return H.hashComplex(o.real, o.imag, o.ob_addr);
  if (t === bytesType) return H.hashBytes((o as PyBytes).data);
  if (t === tupleType) return H.hashTuple((o as PyTuple).items.map(hashFull));
  const m = t.lookup('__hash__');
  if (m === null || m === None) raiseType(`unhashable type: '${t.name}'`);
  const r = callBound(m, o, []);
  if (!(r instanceof PyInt)) {
    decref(r);
    raiseType('__hash__ method should return an integer');
  }
  // A native tp_hash returns the hash itself; a Python __hash__'s int is hashed again (slot_tp_hash).
  const h = m instanceof PyMethodDescr ? H.normalizeHash(BigInt(r.value)) : H.hashInt(r.value);
  decref(r);
  return h;
}

/** The hash as a JS number, for bucketing (equal objects still get equal numbers). */
export function hash(o: PyObject): number {
  if (o instanceof PyStr && o.hash !== -1) return o.hash;
  const h = hashFull(o);
  const n = typeof h === 'number' ? h : Number(h);
  if (o instanceof PyStr) o.hash = n;
  return n;
}

export function pointerHash(o: PyObject): H.PyHash {
  return H.hashPointer(o.ob_addr);
}

// ---------------------------------------------------------------- truth, length

export function isTrue(o: PyObject): boolean {
  if (o === True) return true;
  if (o === False || o === None) return false;
  const t = o.ob_type;
  if (t === intType) return (o as PyInt).value !== 0;
  if (t === strType) return (o as PyStr).value.length !== 0;
  if (t === listType) return (o as PyList).items.length !== 0;
  if (t === tupleType) return (o as PyTuple).items.length !== 0;
  if (t === floatType) return (o as PyFloat).value !== 0;
  if (o instanceof PyDict && t.lookup('__len__') === o.ob_type.mro[o.ob_type.mro.length - 2].attrs.get('__len__')) return o.used !== 0;
  const b = t.lookup('__bool__');
  if (b !== null) {
    const r = callBound(b, o, []);
    if (r !== True && r !== False) {
      const n = typeName(r);
      decref(r);
      raiseType(`__bool__ should return bool, returned ${n}`);
    }
    return r === True;
  }
  const l = t.lookup('__len__');
  if (l !== null) return length(o) !== 0;
  return true;
}

export function length(o: PyObject): number {
  const t = o.ob_type;
  if (t === listType) return (o as PyList).items.length;
  if (t === tupleType) return (o as PyTuple).items.length;
  if (t === strType) return isAstral(o as PyStr) ? codePointLength((o as PyStr).value) : (o as PyStr).value.length;
  const m = t.lookup('__len__');
  if (m === null) raiseType(`object of type '${t.name}' has no len()`);
  const r = callBound(m, o, []);
  if (!(r instanceof PyInt)) {
    const n = typeName(r);
    decref(r);
    raiseType(`'${n}' object cannot be interpreted as an integer`);
  }
  const v = r.value;
  decref(r);
  if (v < 0) throw newException(ValueError, '__len__() should return >= 0');
  if (typeof v === 'bigint') throw newException(OverflowError, "cannot fit 'int' into an index-sized integer");
  return v;
}

// ---------------------------------------------------------------- numbers

/** operator.index(): the int value of an object with __index__. */
export function indexValue(o: PyObject, what?: string): IntValue {
  if (o instanceof PyInt) return o.value;
  const m = o.ob_type.lookup('__index__');
  if (m === null) raiseType(what ?? `'${typeName(o)}' object cannot be interpreted as an integer`);
  const r = callBound(m, o, []);
  if (!(r instanceof PyInt)) {
    const n = typeName(r);
    decref(r);
    raiseType(`__index__ returned non-int (type ${n})`);
  }
  const v = r.value;
  decref(r);
  return v;
}

/** An index as a JS number (sequence indexes, counts); overflow raises IndexError like CPython's ssize_t conversion. */
export function indexNumber(o: PyObject, what?: string): number {
  const v = indexValue(o, what);
  if (typeof v === 'bigint') throw newException(IndexError, `cannot fit 'int' into an index-sized integer`);
  return v;
}

export function floatValue(o: PyObject): number | null {
  if (o instanceof PyFloat) return o.value;
  if (o instanceof PyInt) {
    const f = intToFloat(o.value);
    if (f === null) throw newException(OverflowError, 'int too large to convert to float');
    return f;
  }
  return null;
}

export const BINARY_OPS: readonly (readonly [string, string, string, string])[] = [
  ['__add__', '__radd__', '__iadd__', '+'],
  ['__and__', '__rand__', '__iand__', '&'],
  ['__floordiv__', '__rfloordiv__', '__ifloordiv__', '//'],
  ['__lshift__', '__rlshift__', '__ilshift__', '<<'],
  ['__matmul__', '__rmatmul__', '__imatmul__', '@'],
  ['__mul__', '__rmul__', '__imul__', '*'],
  ['__mod__', '__rmod__', '__imod__', '%'],
  ['__or__', '__ror__', '__ior__', '|'],
  ['__pow__', '__rpow__', '__ipow__', '**'],
  ['__rshift__', '__rrshift__', '__irshift__', '>>'],
  ['__sub__', '__rsub__', '__isub__', '-'],
  ['__truediv__', '__rtruediv__', '__itruediv__', '/'],
  ['__xor__', '__rxor__', '__ixor__', '^'],
];

export const NB_ADD = 0, NB_SUBTRACT = 10, NB_MULTIPLY = 5, NB_INPLACE_ADD = 13;

/** BINARY_OP: `op` is the 3.11 oparg (0..12 plain, 13..25 in-place). */
export function binaryOp(a: PyObject, b: PyObject, op: number): PyObject {
  const ta = a.ob_type, tb = b.ob_type;
  if (ta === intType && tb === intType) {
    const x = (a as PyInt).value, y = (b as PyInt).value;
    switch (op) {
      case 0: case 13: return newIntValue(addValues(x, y));
      case 10: case 23: return newIntValue(subValues(x, y));
      case 5: case 18: return newIntValue(mulValues(x, y));
    }
  } else if (ta === strType && tb === strType && (op === 0 || op === 13)) {
    // PyUnicode_Concat: concatenating an empty str gives back the other operand itself.
    if ((b as PyStr).value === '') return newRef(a);
    if ((a as PyStr).value === '') return newRef(b);
    return newStr((a as PyStr).value + (b as PyStr).value);
  } else if (ta === floatType && tb === floatType) {
    const x = (a as PyFloat).value, y = (b as PyFloat).value;
    switch (op) {
      case 0: case 13: return newFloat(x + y);
      case 10: case 23: return newFloat(x - y);
      case 5: case 18: return newFloat(x * y);
    }
  }
  if (op >= 13) {
    const [, , iname] = BINARY_OPS[op - 13];
    const im = ta.lookup(iname);
    if (im !== null) {
      const r = callBound(im, a, [b]);
      if (r !== NotImplemented) return r;
      decref(r);
    }
    op -= 13;
  }
  const r = binaryOp1(a, b, op);
  if (r !== null) return r;
  throw binaryOpError(a, b, op);
}

/**
 * The __add__ / __mul__ / __rmul__ of list, tuple and str that are CPython's sq_concat and
 * sq_repeat rather than number slots, each with the test its other operand must pass
 * (PyNumber_Add / PyNumber_Multiply try them after both operands' number slots, and sq_repeat
 * only with an __index__ count). Called directly, they raise instead of declining.
 */
export const sequenceSlots = new Map<PyObject, (other: PyObject) => boolean>();

/** binary_op1 then PyNumber_Add / PyNumber_Multiply's sequence fallbacks, for sequence operands. */
function sequenceBinaryOp(a: PyObject, b: PyObject, slotA: PyObject | null, slotB: PyObject | null): PyObject | null {
  const acceptsA = slotA === null ? undefined : sequenceSlots.get(slotA);
  const acceptsB = slotB === null ? undefined : sequenceSlots.get(slotB);
  if (slotA !== null && acceptsA === undefined) {
    const r = callBound(slotA, a, [b]);
    if (r !== NotImplemented) return r;
    decref(r);
  }
  if (slotB !== null && acceptsB === undefined) {
    const r = callBound(slotB, b, [a]);
    if (r !== NotImplemented) return r;
    decref(r);
  }
  if (acceptsA !== undefined && acceptsA(b)) return callBound(slotA!, a, [b]);
  if (acceptsB !== undefined && acceptsB(a)) return callBound(slotB!, b, [a]);
  return null;
}

/** binary_op1: the left operand's method, the right's reflected one (subclass first). Null if both decline. */
export function binaryOp1(a: PyObject, b: PyObject, op: number): PyObject | null {
  const [name, rname] = BINARY_OPS[op];
  const ta = a.ob_type, tb = b.ob_type;
  const slotA = ta.lookup(name);
  let slotB = ta !== tb ? tb.lookup(rname) : null;
  if (slotB !== null && slotA !== null && slotB === slotA) slotB = null;
  if ((op === 0 || op === 5) && ((slotA !== null && sequenceSlots.has(slotA)) || (slotB !== null && sequenceSlots.has(slotB)))) {
    return sequenceBinaryOp(a, b, slotA, slotB);
  }
  if (slotA !== null) {
    if (slotB !== null && tb.isSubtypeOf(ta)) {
      const r = callBound(slotB, b, [a]);
      if (r !== NotImplemented) return r;
      decref(r);
      slotB = null;
    }
    const r = callBound(slotA, a, [b]);
    if (r !== NotImplemented) return r;
    decref(r);
  }
  if (slotB !== null) {
    const r = callBound(slotB, b, [a]);
    if (r !== NotImplemented) return r;
    decref(r);
  }
  return null;
}

function binaryOpError(a: PyObject, b: PyObject, op: number): PyBaseException {
  const sym = BINARY_OPS[op][3];
  const ta = a.ob_type;
  if (op === 0 && (ta === strType || ta === listType || ta === tupleType || ta.name === 'bytes')) {
    const what = ta === strType ? 'str' : ta === listType ? 'list' : ta === tupleType ? 'tuple' : 'bytes';
    if (ta === strType) return newException(TypeError, `can only concatenate str (not "${typeName(b)}") to str`);
    return newException(TypeError, `can only concatenate ${what} (not "${typeName(b)}") to ${what}`);
  }
  if (op === 5) {
    const seqA = isSequenceType(a.ob_type), seqB = isSequenceType(b.ob_type);
    if (seqA || seqB) return newException(TypeError, `can't multiply sequence by non-int of type '${typeName(seqA ? b : a)}'`);
  }
  if (op === 8) {
    return newException(TypeError, `unsupported operand type(s) for ** or pow(): '${typeName(a)}' and '${typeName(b)}'`);
  }
  return newException(TypeError, `unsupported operand type(s) for ${sym}: '${typeName(a)}' and '${typeName(b)}'`);
}

export function inplaceSymbol(op: number): string {
  return BINARY_OPS[op % 13][3] + (op >= 13 ? '=' : '');
}

function isSequenceType(t: PyType): boolean {
  return t === strType || t === listType || t === tupleType || t.name === 'bytes' || t.isSubtypeOf(listType) || t.isSubtypeOf(tupleType);
}

// ---------------------------------------------------------------- comparison

export const LT = 0, LE = 1, EQ = 2, NE = 3, GT = 4, GE = 5;
const CMP_NAMES = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];
const CMP_REFLECTED = [GT, GE, EQ, NE, LT, LE];
const CMP_SYMBOLS = ['<', '<=', '==', '!=', '>', '>='];

function compareNumbers(x: number | bigint, y: number | bigint, op: number): boolean {
  switch (op) {
    case LT: return x < y;
    case LE: return x <= y;
    case EQ: return x == y; // eslint-disable-line eqeqeq -- number/bigint cross comparison
    case NE: return x != y; // eslint-disable-line eqeqeq
    case GT: return x > y;
    default: return x >= y;
  }
}

/** PyObject_RichCompare: a new reference to the result. */
export function richCompare(a: PyObject, b: PyObject, op: number): PyObject {
  const ta = a.ob_type, tb = b.ob_type;
  if ((ta === intType || ta === floatType) && (tb === intType || tb === floatType)) {
    return newBool(compareNumbers((a as PyInt).value, (b as PyInt).value, op));
  }
  if (ta === strType && tb === strType) {
    return newBool(compareNumbers(compareStrings((a as PyStr).value, (b as PyStr).value), 0, op));
  }
  callSupport.enterRecursive(' in comparison');
  try {
    return doRichCompare(a, b, op);
  } finally {
    callSupport.leaveRecursive();
  }
}

function doRichCompare(a: PyObject, b: PyObject, op: number): PyObject {
  const ta = a.ob_type, tb = b.ob_type;
  let checkedReverse = false;
  if (ta !== tb && tb.isSubtypeOf(ta)) {
    const m = tb.lookup(CMP_NAMES[CMP_REFLECTED[op]]);
    if (m !== null) {
      checkedReverse = true;
      const r = callBound(m, b, [a]);
      if (r !== NotImplemented) return r;
      decref(r);
    }
  }
  const m = ta.lookup(CMP_NAMES[op]);
  if (m !== null) {
    const r = callBound(m, a, [b]);
    if (r !== NotImplemented) return r;
    decref(r);
  }
  if (!checkedReverse) {
    const m2 = tb.lookup(CMP_NAMES[CMP_REFLECTED[op]]);
    if (m2 !== null) {
      const r = callBound(m2, b, [a]);
      if (r !== NotImplemented) return r;
      decref(r);
    }
  }
  if (op === EQ) return newBool(a === b);
  if (op === NE) return newBool(a !== b);
  raiseType(`'${CMP_SYMBOLS[op]}' not supported between instances of '${ta.name}' and '${tb.name}'`);
}

/** PyObject_RichCompareBool: identity implies equality for EQ/NE (as containers assume). */
export function compareBool(a: PyObject, b: PyObject, op: number): boolean {
  if (a === b) {
    if (op === EQ) return true;
    if (op === NE) return false;
  }
  const r = richCompare(a, b, op);
  if (r === True) { r.ob_refcnt--; return true; }
  if (r === False) { r.ob_refcnt--; return false; }
  const t = isTrue(r);
  decref(r);
  return t;
}

export function equal(a: PyObject, b: PyObject): boolean {
  return compareBool(a, b, EQ);
}

dictSupport.hash = hash;
setSupport.hashFull = hashFull;
dictSupport.equal = equal;

// ---------------------------------------------------------------- iteration

export function getIter(o: PyObject): PyObject {
  const t = o.ob_type;
  const m = t.lookup('__iter__');
  if (m === null || m === None) {
    if (m === null && t.lookup('__getitem__') !== null) return sequenceIterator(o);
    raiseType(`'${t.name}' object is not iterable`);
  }
  const it = callBound(m, o, []);
  if (!(it instanceof PyIterator) && it.ob_type.lookup('__next__') === null) {
    const n = typeName(it);
    decref(it);
    raiseType(`iter() returned non-iterator of type '${n}'`);
  }
  return it;
}

export let sequenceIterator: (o: PyObject) => PyObject = null as unknown as (o: PyObject) => PyObject;
export function setSequenceIterator(f: (o: PyObject) => PyObject): void {
  sequenceIterator = f;
}

/** The next item (new reference), or null when exhausted (StopIteration is swallowed). */
export function iterNext(it: PyObject): PyObject | null {
  if (it instanceof PyIterator) return it.nextItem();
  const m = it.ob_type.lookup('__next__');
  if (m === null) raiseType(`'${typeName(it)}' object is not an iterator`);
  try {
    return callBound(m, it, []);
  } catch (e) {
    if (e instanceof PyBaseException && e.ob_type.isSubtypeOf(StopIteration)) {
      decref(e);
      return null;
    }
    throw e;
  }
}

/** All items of an iterable as new references. */
export function toArray(o: PyObject): PyObject[] {
  const t = o.ob_type;
  if (t === listType || t === tupleType) {
    const items = (o as PyList).items.slice();
    for (let i = 0; i < items.length; i++) items[i].ob_refcnt++;
    return items;
  }
  const it = getIter(o);
  const out: PyObject[] = [];
  try {
    for (let v = iterNext(it); v !== null; v = iterNext(it)) out.push(v);
  } catch (e) {
    for (const v of out) decref(v);
    throw e;
  } finally {
    decref(it);
  }
  return out;
}

/** Call `f` with each item (borrowed for the duration of the call). */
export function forEach(o: PyObject, f: (item: PyObject) => void): void {
  const it = getIter(o);
  try {
    for (let v = iterNext(it); v !== null; v = iterNext(it)) {
      try {
        f(v);
      } finally {
        decref(v);
      }
    }
  } finally {
    decref(it);
  }
}

// ---------------------------------------------------------------- items

export function getItem(o: PyObject, key: PyObject): PyObject {
  const t = o.ob_type;
  if (t === listType && key.ob_type === intType) {
    const items = (o as PyList).items;
    let i = (key as PyInt).value as number;
    if (i < 0) i += items.length;
    if (i >= 0 && i < items.length) return newRef(items[i]);
  }
  // An exact dict's __getitem__ (static: nobody can replace it) without the descriptor call.
  if (t === dictType) {
    const v = (o as PyDict).get(key);
    if (v === undefined) throw keyError(key);
    return newRef(v);
  }
  const m = t.lookup('__getitem__');
  if (m === null) {
    if (o instanceof PyType) {
      const cg = typeGetAttr(o, '__class_getitem__');
      if (cg !== null) {
        try { return call(cg, [key]); } finally { decref(cg); }
      }
      raiseType(`type '${o.name}' is not subscriptable`);
    }
    raiseType(`'${t.name}' object is not subscriptable`);
  }
  return callBound(m, o, [key]);
}

export function setItem(o: PyObject, key: PyObject, value: PyObject | null): void {
  // An exact dict's __setitem__ without the descriptor call and its argument array.
  if (value !== null && o.ob_type === dictType) {
    (o as PyDict).set(key, value);
    return;
  }
  const name = value === null ? '__delitem__' : '__setitem__';
  const m = o.ob_type.lookup(name);
  if (m === null) {
    if (value === null) raiseType(`'${typeName(o)}' object doesn't support item deletion`);
    raiseType(`'${typeName(o)}' object does not support item assignment`);
  }
  decref(callBound(m, o, value === null ? [key] : [key, value]));
}

export function contains(container: PyObject, item: PyObject): boolean {
  const m = container.ob_type.lookup('__contains__');
  if (m !== null) {
    const r = callBound(m, container, [item]);
    const t = isTrue(r);
    decref(r);
    return t;
  }
  const it = getIterForContains(container);
  try {
    for (let v = iterNext(it); v !== null; v = iterNext(it)) {
      const eq = compareBool(v, item, EQ);
      decref(v);
      if (eq) return true;
    }
    return false;
  } finally {
    decref(it);
  }
}

function getIterForContains(o: PyObject): PyObject {
  const t = o.ob_type;
  if (t.lookup('__iter__') === null && t.lookup('__getitem__') === null) {
    raiseType(`argument of type '${t.name}' is not iterable`);
  }
  return getIter(o);
}

export function keyError(key: PyObject): PyBaseException {
  return newException(KeyError, key);
}

// ---------------------------------------------------------------- types

export function isInstance(o: PyObject, cls: PyObject): boolean {
  if (cls instanceof PyType) {
    if (o.ob_type.isSubtypeOf(cls)) return true;
    const check = cls.ob_type !== typeType ? cls.ob_type.lookup('__instancecheck__') : null;
    if (check !== null && !(check instanceof PyMethodDescr)) {
      const r = callBound(check, cls, [o]);
      const t = isTrue(r);
      decref(r);
      return t;
    }
    // A class with __class__ overridden (proxies) also counts.
    return false;
  }
  if (cls instanceof PyTuple) {
    for (const c of cls.items) if (isInstance(o, c)) return true;
    return false;
  }
  const check = cls.ob_type.lookup('__instancecheck__');
  if (check !== null) {
    const r = callBound(check, cls, [o]);
    const t = isTrue(r);
    decref(r);
    return t;
  }
  raiseType('isinstance() arg 2 must be a type, a tuple of types, or a union');
}

export function isSubclass(c: PyObject, cls: PyObject): boolean {
  if (!(c instanceof PyType)) raiseType('issubclass() arg 1 must be a class');
  if (cls instanceof PyType) {
    if (c.isSubtypeOf(cls)) return true;
    const check = cls.ob_type !== typeType ? cls.ob_type.lookup('__subclasscheck__') : null;
    if (check !== null && !(check instanceof PyMethodDescr)) {
      const r = callBound(check, cls, [c]);
      const t = isTrue(r);
      decref(r);
      return t;
    }
    return false;
  }
  if (cls instanceof PyTuple) {
    for (const x of cls.items) if (isSubclass(c, x)) return true;
    return false;
  }
  const check = cls.ob_type.lookup('__subclasscheck__');
  if (check !== null) {
    const r = callBound(check, cls, [c]);
    const t = isTrue(r);
    decref(r);
    return t;
  }
  raiseType('issubclass() arg 2 must be a class, a tuple of classes, or a union');
}

export { None, NotImplemented, True, False, newInt, newBool, newStr, newFloat, newTupleSteal, newListSteal, toBig, noneType };
