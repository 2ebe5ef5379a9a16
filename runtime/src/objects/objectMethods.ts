// `object` and `type`: the root of every class and the class of classes (Objects/typeobject.c).
// Holds object's default dunders (identity equality, pointer hash, generic attribute access,
// `<__main__.C object at 0x…>` repr), type's attributes (__name__, __mro__, __dict__...), and
// class creation (type_new): metaclass resolution, C3 MRO, `__classcell__`, `__set_name__`,
// `__init_subclass__`, implicit static/class methods, and `__hash__ = None` when only `__eq__`
// is defined.

import { PyObject } from './pyobject';
import { PyType, objectType, typeType, MroError, bumpTypeVersion, typeSupport } from './typeobject';
import { PyStr, newStr, strType } from './str';
import { newInt, newIntValue } from './int';
import { newBool } from './bool';
import { PyTuple, newTuple, newTupleSteal } from './tuple';
import { newListSteal, newList } from './list';
import { PyDict, newDict } from './dict';
import { PyCell } from './cell';
import { PyFunction } from './function';
import { NotImplemented, None } from './none';
import { PyClassMethod, PyStaticMethod, classMethodType, staticMethodType } from './descriptors';
import { defineMethods, defineNew, defineGetSets, defineClassMethods, splitArgs } from './define';
import { newException, TypeError, AttributeError, ValueError } from './exceptions';
import * as A from './abstract';
import { newRef, decref, track, xdecref, basicSizeOf } from '../memory/heap';
import { keysObjectSize, SharedKeys } from './dictKeys';
import { PyGetSetDescr, getsetDescriptorType } from './getsetDescriptor';
import { methodWrapperType } from './methodWrapper';
import { PyBuiltinFunction } from './builtinFunction';
import { newWeakref, weakrefType } from './weakref';
import { makeStaticType } from './typeobject';
import { gcSupport } from '../memory/gc/support';

/** Each class's __slots__ values, per slot (member descriptors keep them outside the object). */
const slotStores = new WeakMap<PyType, WeakMap<PyObject, PyObject>[]>();

/** subtype_dealloc's clearing of __slots__ members (`stores`: every slotted class's in the MRO). */
function releaseSlotValues(obj: PyObject, stores: WeakMap<PyObject, PyObject>[]): void {
  for (const store of stores) {
    const v = store.get(obj);
    if (v !== undefined) {
      store.delete(obj);
      decref(v);
    }
  }
}

/**
 * A class's instance dealloc after __del__ and weakrefs: its slots' values, then the layout's.
 * Built per MRO, once (most classes have no slots: then it is the layout's dealloc itself), so
 * a deallocation neither walks the MRO's stores nor allocates a closure.
 */
function slotReleasingDealloc(type: PyType, layoutDealloc: (o: PyObject) => void): (o: PyObject) => void {
  const stores: WeakMap<PyObject, PyObject>[] = [];
  for (const t of type.mro) stores.push(...(slotStores.get(t) ?? []));
  if (stores.length === 0) return layoutDealloc;
  return (o) => {
    releaseSlotValues(o, stores);
    layoutDealloc(o);
  };
}

export function hexAddr(o: PyObject): string {
  return '0x' + o.ob_addr.toString(16);
}

export function moduleQualifiedName(t: PyType): string {
  const mod = t.isHeapType ? moduleName(t) : t.module;
  return mod === 'builtins' ? t.qualname : `${mod}.${t.qualname}`;
}

function moduleName(t: PyType): string {
  const m = t.attrs.get('__module__');
  return m instanceof PyStr ? m.value : 'builtins';
}

objectType.newInstance = (type) => track(new PyObject(type), type.basicsize);
objectType.basicsize = 16;

let objectInit: PyObject | null = null;
let objectNew: PyObject | null = null;

function excessArgs(args: PyObject[], kwnames: string[] | null): boolean {
  return args.length > 0 || (kwnames !== null && kwnames.length > 0);
}

defineNew(objectType, (_self, args, kwnames) => {
  const cls = args[0];
  if (!(cls instanceof PyType)) throw newException(TypeError, `object.__new__(X): X is not a type object (${A.typeName(cls)})`);
  const rest = args.slice(1);
  if (excessArgs(rest, kwnames)) {
    if (cls.lookup('__new__') !== objectNew) throw newException(TypeError, 'object.__new__() takes exactly one argument (the type to instantiate)');
    if (cls.lookup('__init__') === objectInit) throw newException(TypeError, `${cls.name}() takes no arguments`);
  }
  if (cls.newInstance === null) throw newException(TypeError, `cannot create '${cls.name}' instances`);
  if (cls.lookup('__abstractmethods__') !== null) {
    const am = A.typeGetAttr(cls, '__abstractmethods__');
    if (am !== null) {
      const names = A.toArray(am).map((x) => { const s = A.str(x); decref(x); return s; }).sort();
      decref(am);
      if (names.length > 0) {
        throw newException(TypeError, `Can't instantiate abstract class ${cls.name} with abstract method${names.length > 1 ? 's' : ''} ${names.join(', ')}`);
      }
    }
  }
  return cls.newInstance(cls);
});
objectNew = objectType.attrs.get('__new__')!;

defineMethods(objectType, {
  __init__: (self, args, kwnames) => {
    if (excessArgs(args, kwnames)) {
      const t = self.ob_type;
      if (t.lookup('__init__') !== objectInit) throw newException(TypeError, 'object.__init__() takes exactly one argument (the instance to initialize)');
      if (t.lookup('__new__') === objectNew) throw newException(TypeError, `${t.name}.__init__() takes exactly one argument (the instance to initialize)`);
    }
    return newRef(None);
  },
  __repr__: (self) => newStr(`<${moduleQualifiedName(self.ob_type)} object at ${hexAddr(self)}>`),
  // object_str: the type's __repr__ result as it is; str() then checks it ("__str__ returned non-string").
  __str__: (self) => {
    const m = self.ob_type.lookup('__repr__');
    return m === null ? A.reprObj(self) : A.callBound(m, self, []);
  },
  __eq__: (self, args) => (self === args[0] ? newBool(true) : newRef(NotImplemented)),
  __ne__: (self, args) => {
    const eq = self.ob_type.lookup('__eq__');
    if (eq === null) return newRef(NotImplemented);
    const r = A.callBound(eq, self, [args[0]]);
    if (r === NotImplemented) return r;
    const t = A.isTrue(r);
    decref(r);
    return newBool(!t);
  },
  __hash__: (self) => newIntValue(A.pointerHash(self)),
  __lt__: () => newRef(NotImplemented),
  __le__: () => newRef(NotImplemented),
  __gt__: () => newRef(NotImplemented),
  __ge__: () => newRef(NotImplemented),
  __getstate__: (self) => (self.dict !== null ? newRef(self.dict) : newRef(None)),
  __reduce__: (self) => newTupleSteal([newRef(self.ob_type), newTupleSteal([])]),
  __getattribute__: (self, args) => {
    const name = (args[0] as PyStr).value;
    const r = self instanceof PyType ? A.typeGetAttr(self, name) : A.genericGetAttr(self, name);
    if (r === null) throw A.attributeError(self, name);
    return r;
  },
  __setattr__: (self, args) => {
    A.genericSetAttr(self, (args[0] as PyStr).value, args[1]);
    return newRef(None);
  },
  __delattr__: (self, args) => {
    A.genericSetAttr(self, (args[0] as PyStr).value, null);
    return newRef(None);
  },
  __format__: (self, args) => {
    const spec = (args[0] as PyStr).value;
    if (spec !== '') throw newException(TypeError, `unsupported format string passed to ${self.ob_type.name}.__format__`);
    return A.strObj(self);
  },
  __dir__: (self) => newListSteal(dirNames(self).map((n) => newStr(n))),
  __sizeof__: (self) => newInt(basicSizeOf(self)),
  __reduce_ex__: (self) => newTupleSteal([newRef(self.ob_type), newTupleSteal([])]),
});
objectInit = objectType.attrs.get('__init__')!;

defineClassMethods(objectType, {
  // METH_NOARGS, bound to the new class: the error names it as _PyObject_FunctionStr does.
  __init_subclass__: (cls, args, kwnames) => {
    const where = `${cls instanceof PyType ? cls.qualname : A.typeName(cls)}.__init_subclass__()`;
    if (kwnames !== null && kwnames.length > 0) throw newException(TypeError, `${where} takes no keyword arguments`);
    if (args.length > 0) throw newException(TypeError, `${where} takes no arguments (${args.length} given)`);
    return newRef(None);
  },
  __subclasshook__: () => newRef(NotImplemented),
});

defineGetSets(objectType, {
  __class__: [(self) => newRef(self.ob_type), (self, value) => {
    if (value === null) throw newException(TypeError, "can't delete __class__ attribute");
    if (!(value instanceof PyType)) throw newException(TypeError, `__class__ must be set to a class, not '${A.typeName(value)}' object`);
    // object_set_class: only between heap types (a shared int or str must never change type),
    // and only between classes with the same instance layout.
    if (!value.isHeapType || !self.ob_type.isHeapType) {
      throw newException(TypeError, '__class__ assignment only supported for mutable types or ModuleType subclasses');
    }
    if (solidBaseOf(value) !== solidBaseOf(self.ob_type) || value.instancesHaveDict !== self.ob_type.instancesHaveDict) {
      throw newException(TypeError, `__class__ assignment: '${value.name}' object layout differs from '${self.ob_type.name}'`);
    }
    // object_set_class: an instance owns a reference to its (heap) type
    value.ob_refcnt++;
    const old = self.ob_type;
    self.ob_type = value;
    decref(old);
  }],
});

/** The nearest builtin type in the MRO: what instances of `t` are laid out as. */
function solidBaseOf(t: PyType): PyType {
  for (const base of t.mro) if (!base.isHeapType) return base;
  return t;
}

/** dir(obj): instance dict keys, the class's and its bases' attributes, sorted. */
export function dirNames(obj: PyObject): string[] {
  const names = new Set<string>();
  if (obj.dict !== null) for (const k of obj.dict.keyList()) if (k instanceof PyStr) names.add(k.value);
  const types = obj instanceof PyType ? [...obj.mro, ...(obj.ob_type !== typeType ? obj.ob_type.mro : [])] : obj.ob_type.mro;
  if (obj instanceof PyType) for (const t of obj.mro) for (const k of t.attrs.keys()) names.add(k);
  else for (const t of types) for (const k of t.attrs.keys()) names.add(k);
  if (obj instanceof PyType) { /* metaclass attributes are not listed by dir(cls) */ }
  return [...names].sort();
}

// ---------------------------------------------------------------- type

function typeRepr(t: PyType): string {
  return `<class '${moduleQualifiedName(t)}'>`;
}

defineMethods(typeType, {
  __call__: (self, args, kwnames) => A.typeCall(self as PyType, args, kwnames),
  __repr__: (self) => newStr(typeRepr(self as PyType)),
  __getattribute__: (self, args) => {
    const name = (args[0] as PyStr).value;
    const r = A.typeGetAttr(self as PyType, name);
    if (r === null) throw A.attributeError(self, name);
    return r;
  },
  __setattr__: (self, args) => {
    A.genericSetAttr(self, (args[0] as PyStr).value, args[1]);
    return newRef(None);
  },
  __delattr__: (self, args) => {
    A.genericSetAttr(self, (args[0] as PyStr).value, null);
    return newRef(None);
  },
  mro: (self) => newList((self as PyType).mro),
  __subclasses__: (self) => newList((self as PyType).subclasses),
  __instancecheck__: (self, args) => newBool(args[0].ob_type.isSubtypeOf(self as PyType)),
  __subclasscheck__: (self, args) => newBool(args[0] instanceof PyType && args[0].isSubtypeOf(self as PyType)),
  __init__: () => newRef(None),
  __or__: () => newRef(NotImplemented),
  __dir__: (self) => newListSteal(dirNames(self).map((n) => newStr(n))),
  // type___sizeof__: a static PyTypeObject is 408 bytes; a class is a PyHeapTypeObject plus its
  // cached shared keys (a 64-slot str table) when its instances have a managed dict.
  __sizeof__: (self) => newInt(!(self as PyType).isHeapType ? 408 : 904 + ((self as PyType).managedDict ? keysObjectSize(6, true) : 0)),
});

defineClassMethods(typeType, {
  __prepare__: () => newDict(),
});

/** type_set_name / type_set_qualname: only a class's, only a str, never deleted. */
function typeNameValue(t: PyType, attr: string, v: PyObject | null): string {
  if (!t.isHeapType) throw newException(TypeError, `cannot set '${attr}' attribute of immutable type '${t.name}'`);
  if (v === null) throw newException(TypeError, `cannot delete '${attr}' attribute of immutable type '${t.name}'`);
  if (!(v instanceof PyStr)) throw newException(TypeError, `can only assign string to ${t.name}.${attr}, not '${A.typeName(v)}'`);
  if (attr === '__name__' && v.value.includes('\0')) throw newException(ValueError, 'type name must not contain null characters');
  return v.value;
}

defineGetSets(typeType, {
  __name__: [(self) => newStr((self as PyType).name), (self, v) => { (self as PyType).name = typeNameValue(self as PyType, '__name__', v); }],
  __qualname__: [(self) => newStr((self as PyType).qualname), (self, v) => { (self as PyType).qualname = typeNameValue(self as PyType, '__qualname__', v); }],
  __module__: [(self) => {
    const t = self as PyType;
    if (t.isHeapType) { const m = t.attrs.get('__module__'); return newRef(m ?? None); }
    return newStr(t.module);
  }, (self, v) => { (self as PyType).setAttr('__module__', v!); }],
  __bases__: [(self) => {
    const t = self as PyType;
    return t.tp_bases !== null ? newRef(t.tp_bases) : newTuple(t.bases);
  }],
  __base__: [(self) => newRef((self as PyType).base ?? None)],
  __mro__: [(self) => {
    const t = self as PyType;
    if (!t.isHeapType) return newTuple(t.mro);
    return newRef(t.tp_mro ?? None); // type_get_mro: None once tp_clear dropped it
  }],
  __dict__: [(self) => mappingProxy(self as PyType)],
  __doc__: [(self) => {
    const d = (self as PyType).attrs.get('__doc__');
    if (d === undefined) return newRef(None);
    if (d.ob_type.lookup('__get__') !== null && !(d instanceof PyStr)) return A.descrGet(d, null, self as PyType);
    return newRef(d);
  }],
  __abstractmethods__: [(self) => {
    const v = (self as PyType).attrs.get('__abstractmethods__');
    if (v === undefined || self === typeType) throw newException(AttributeError, '__abstractmethods__');
    return newRef(v);
  }, (self, v) => {
    if (v === null) (self as PyType).deleteAttr('__abstractmethods__');
    else (self as PyType).setAttr('__abstractmethods__', v);
  }],
  __text_signature__: [() => newRef(None)],
});

// A read-only view of a class namespace (mappingproxy), made as a snapshot dict wrapper.
export const mappingProxyType = makeStaticType('mappingproxy', undefined, { gcHeader: true, isBaseType: false });
export class PyMappingProxy extends PyObject {
  constructor(readonly mapping: PyDict) {
    super(mappingProxyType);
  }
}
mappingProxyType.tp_dealloc = (o) => decref((o as PyMappingProxy).mapping);

/** A mappingproxy over a live dict (a dict view's `mapping`). */
export function newMappingProxy(d: PyDict): PyObject {
  return track(new PyMappingProxy(newRef(d)), 24);
}

function mappingProxy(t: PyType): PyObject {
  // a class's proxy shows its live namespace dict; a builtin type's namespace is `attrs` only
  if (t.tp_dict !== null) return track(new PyMappingProxy(newRef(t.tp_dict)), 24);
  const d = newDict();
  for (const [k, v] of t.attrs) d.setStr(k, v);
  return track(new PyMappingProxy(d), 24);
}

const proxyDelegates = ['__getitem__', '__contains__', '__iter__', '__len__', 'keys', 'values', 'items', 'get'];
const proxyMethods: Record<string, (self: PyObject, args: PyObject[], kw: string[] | null) => PyObject> = {};
for (const name of proxyDelegates) {
  proxyMethods[name] = (self, args, kw) => A.callMethod((self as PyMappingProxy).mapping, name, args, kw);
}
proxyMethods.__repr__ = (self) => newStr(`mappingproxy(${A.repr((self as PyMappingProxy).mapping)})`);
defineMethods(mappingProxyType, proxyMethods);

// ---------------------------------------------------------------- method-wrapper

defineMethods(methodWrapperType, {
  __repr__: (self) => {
    const f = self as PyBuiltinFunction;
    return newStr(`<method-wrapper '${f.name}' of ${A.typeName(f.self!)} object at ${hexAddr(f.self!)}>`);
  },
  __call__: (self, args, kwnames) => A.call(self, args, kwnames),
});
defineGetSets(methodWrapperType, {
  __name__: [(self) => newStr((self as PyBuiltinFunction).name)],
  __qualname__: [(self) => newStr((self as PyBuiltinFunction).qualname)],
  __self__: [(self) => newRef((self as PyBuiltinFunction).self ?? None)],
});

// ---------------------------------------------------------------- member descriptors

/**
 * member_descriptor: what a __slots__ name becomes. A PyGetSetDescr underneath (so every
 * descriptor path treats it as the data descriptor it is), shown and typed as CPython's.
 */
export const memberDescriptorType = makeStaticType('member_descriptor', undefined, { gcHeader: true, isBaseType: false });
memberDescriptorType.tp_dealloc = (o) => getsetDescriptorType.tp_dealloc(o);
defineMethods(memberDescriptorType, {
  __repr__: (self) => newStr(`<member '${(self as PyGetSetDescr).name}' of '${(self as PyGetSetDescr).owner.name}' objects>`),
  __get__: (self, args) => (args[0] === None ? newRef(self) : (self as PyGetSetDescr).get(args[0])),
  __set__: (self, args) => {
    (self as PyGetSetDescr).set!(args[0], args[1]);
    return newRef(None);
  },
  __delete__: (self, args) => {
    (self as PyGetSetDescr).set!(args[0], null);
    return newRef(None);
  },
});
defineGetSets(memberDescriptorType, {
  __name__: [(self) => newStr((self as PyGetSetDescr).name)],
  __qualname__: [(self) => newStr(`${(self as PyGetSetDescr).owner.qualname}.${(self as PyGetSetDescr).name}`)],
  __objclass__: [(self) => newRef((self as PyGetSetDescr).owner)],
});

// ---------------------------------------------------------------- class creation

/** The most derived metaclass of `meta` and the bases' metaclasses (_PyType_CalculateMetaclass). */
export function calculateMetaclass(meta: PyType, bases: PyObject[]): PyType {
  let winner = meta;
  for (const b of bases) {
    const t = b.ob_type;
    if (winner.isSubtypeOf(t)) continue;
    if (t.isSubtypeOf(winner)) {
      winner = t;
      continue;
    }
    throw newException(TypeError, 'metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases');
  }
  return winner;
}

/** Builtin exceptions whose C struct adds fields to BaseException's (3.11's Objects/exceptions.c). */
const EXCEPTION_STRUCTS = new Set(['SystemExit', 'BaseExceptionGroup', 'ImportError', 'OSError', 'SyntaxError', 'StopIteration', 'NameError', 'AttributeError', 'UnicodeError']);

/** The solid base CPython sees for a builtin exception type: the nearest one with its own struct. */
function exceptionSolidBase(layout: PyType): PyType {
  if (!layout.isExceptionType) return layout;
  for (const t of layout.mro) if (!t.isHeapType && EXCEPTION_STRUCTS.has(t.name)) return t;
  return layout.mro[layout.mro.length - 2] ?? layout;
}

/** type(name, bases, ns) — type_new. */
export function createClass(meta: PyType, name: string, basesObj: PyTuple, ns: PyDict, kwargs: Map<string, PyObject>): PyType {
  const bases: PyType[] = [];
  for (const b of basesObj.items) {
    if (!(b instanceof PyType)) {
      const mroEntries = b.ob_type.lookup('__mro_entries__');
      void mroEntries;
      throw newException(TypeError, `bases must be types`);
    }
    if (!b.isBaseType) throw newException(TypeError, `type '${b.name}' is not an acceptable base type`);
    bases.push(b);
  }
  if (bases.length === 0) bases.push(objectType);
  // Instance layout conflicts: the bases' builtin solid bases must lie on one inheritance chain
  // (best_base: class E(ArithmeticError, ZeroDivisionError) is fine, dict + list is not).
  let solid: PyType | null = null;
  for (const b of bases) {
    const layout = exceptionSolidBase(b.instanceLayout);
    if (layout === objectType || solid === layout) continue;
    if (solid === null || layout.isSubtypeOf(solid)) solid = layout;
    else if (!solid.isSubtypeOf(layout)) throw newException(TypeError, 'multiple bases have instance lay-out conflict');
  }
  let type: PyType;
  try {
    type = new PyType(name, bases, meta);
  } catch (e) {
    if (e instanceof MroError) throw newException(TypeError, e.message);
    throw e;
  }
  // type_new's allocations in CPython's order: the bases tuple ((object,) for no bases, else the
  // caller's tuple itself), the namespace copy, the type; then PyType_Ready's MRO tuple, getset
  // descriptors and the weakref in each base's subclass table.
  const basesTuple = basesObj.items.length === 0 ? newTuple(bases) : newRef(basesObj);
  const namespace = newDict();
  type.isHeapType = true;
  type.ob_refcnt = 1;
  track(type, 904);
  type.tp_bases = basesTuple;
  type.tp_dict = namespace;
  if (type.base !== null) type.base.ob_refcnt++;
  type.inheritHooks();
  type.instanceLayout = bases.map((b) => b.instanceLayout).find((l) => l !== objectType) ?? objectType;
  type.newInstance = type.instanceLayout.newInstance;
  type.tp_dealloc = type.instanceLayout.tp_dealloc;
  type.instancesHaveDict = true;
  let cell: PyObject | null = null;
  for (const [k, v] of ns.entries()) {
    if (!(k instanceof PyStr)) continue;
    const key = k.value;
    if (key === '__qualname__') {
      if (!(v instanceof PyStr)) throw newException(TypeError, `type __qualname__ must be a str, not ${A.typeName(v)}`);
      type.qualname = v.value;
      continue;
    }
    if (key === '__classcell__') {
      cell = v;
      continue;
    }
    if ((key === '__new__') && v instanceof PyFunction) {
      putOwned(type, key, track(new PyStaticMethod(staticMethodType, newRef(v)), 32), k);
      continue;
    }
    if ((key === '__init_subclass__' || key === '__class_getitem__') && v instanceof PyFunction) {
      putOwned(type, key, track(new PyClassMethod(classMethodType, newRef(v)), 32), k);
      continue;
    }
    type.attrs.set(key, v);
    namespace.setStr(key, v, k);
  }
  if (!type.attrs.has('__module__')) {
    // type() called directly: __module__ comes from the caller's globals.
    const g = A.callSupport.currentGlobals();
    const modName = g?.getStr('__name__');
    if (modName !== undefined) type.setAttr('__module__', modName);
  }
  type.tp_mro = newTuple(type.mro);
  // subtype_dealloc: __del__ (PEP 442, may resurrect), weakref callbacks, then the layout's
  // dealloc; memory/gc owns the order.
  const layoutDealloc = type.tp_dealloc;
  // Made at the first deallocation (this class's slots are made below), again if the MRO changes.
  let dealloc: ((o: PyObject) => void) | null = null;
  let deallocMro: PyType[] | null = null;
  type.tp_dealloc = (obj) => {
    if (deallocMro !== type.mro) {
      dealloc = slotReleasingDealloc(type, layoutDealloc);
      deallocMro = type.mro;
    }
    gcSupport.heapDealloc(obj, dealloc!);
  };
  if (!type.attrs.has('__doc__')) type.setAttr('__doc__', None);
  if (type.attrs.has('__eq__') && !type.attrs.has('__hash__')) type.setAttr('__hash__', None);
  const slots = type.attrs.get('__slots__');
  if (slots !== undefined) {
    const names = slots instanceof PyStr ? [slots.value] : A.toArray(slots).map((x) => { const s = A.str(x); decref(x); return s; });
    const baseHasDict = bases.some((b) => b !== objectType && b.instancesHaveDict);
    type.instancesHaveDict = baseHasDict || names.includes('__dict__');
    for (const slot of names) {
      if (slot === '__dict__' || slot === '__weakref__') continue;
      const store = new WeakMap<PyObject, PyObject>();
      let stores = slotStores.get(type);
      if (stores === undefined) slotStores.set(type, stores = []);
      stores.push(store);
      const descr = track(new PyGetSetDescr(slot, type, (self) => {
        const v = store.get(self);
        if (v === undefined) throw newException(AttributeError, `'${type.name}' object has no attribute '${slot}'`);
        return newRef(v);
      }, (self, value) => {
        const old = store.get(self);
        if (value === null) {
          if (old === undefined) throw newException(AttributeError, `'${type.name}' object has no attribute '${slot}'`);
          store.delete(self);
        } else store.set(self, newRef(value));
        xdecref(old);
      }), 48);
      descr.ob_type = memberDescriptorType;
      putOwned(type, slot, descr);
    }
    type.basicsize = 16 + 8 * names.length;
  } else if (type.instancesHaveDict && !bases.some((b) => b.instancesHaveDict)) {
    // __dict__ and __weakref__ descriptors appear on the first class that adds a dict.
    putOwned(type, '__dict__', track(new PyGetSetDescr('__dict__', type, (self) => {
      if (self.dict === null) {
        self.dict = newDict();
        self.dict.shared = self.ob_type.cachedKeys; // make_dict_from_instance_attributes: split
      } else gcSupport.materializeDict(self.dict);
      return newRef(self.dict);
    }, (self, value) => {
      if (!(value instanceof PyDict)) throw newException(TypeError, `__dict__ must be set to a dictionary, not a '${value === null ? 'NoneType' : A.typeName(value)}'`);
      const old = self.dict;
      self.dict = newRef(value);
      xdecref(old);
    }), 48));
    putOwned(type, '__weakref__', track(new PyGetSetDescr('__weakref__', type, (self) => newRef(gcSupport.firstWeakref(self) ?? None), null), 48));
  }
  // A plain class instance: the object header plus a __weakref__ slot (its dict lives in the
  // pre-header CPython 3.11 allocates before the object).
  if (type.instancesHaveDict && type.instanceLayout === objectType) type.basicsize = 24;
  // Every class is Py_TPFLAGS_HAVE_GC in 3.11; a dict on a plain object layout is "managed"
  // (two pointers in the pre-header), which memory/heap.ts adds to each instance's request.
  type.gcHeader = true;
  type.managedDict = type.instancesHaveDict && type.instanceLayout === objectType;
  // ht_cached_keys: instance dicts a class adds (not a builtin base's own, like an exception's)
  // are split tables on keys shared by the class's instances
  const layoutHasDict = type.instanceLayout !== objectType && type.instanceLayout.instancesHaveDict;
  if (type.instancesHaveDict && !layoutHasDict) type.cachedKeys = new SharedKeys();
  if (type.managedDict) {
    // init_inline_values: each new instance takes one of the shared keys' usable slots
    const make = type.newInstance!;
    type.newInstance = (t) => {
      t.cachedKeys?.instanceCreated();
      return make(t);
    };
  }
  bumpTypeVersion();
  for (const b of bases) addSubclass(b, type);
  if (cell instanceof PyCell) {
    const old = cell.contents;
    cell.contents = newRef(type);
    xdecref(old);
  } else if (cell !== null) {
    throw newException(TypeError, `__classcell__ must be a nonlocal cell, not ${A.typeName(cell)}`);
  }
  // __set_name__ on descriptors, then the parent's __init_subclass__.
  for (const [attrName, value] of [...type.attrs]) {
    const sn = value.ob_type.lookup('__set_name__');
    if (sn !== null) {
      const n = newStr(attrName);
      try {
        decref(A.callBound(sn, value, [type, n]));
      } finally {
        decref(n);
      }
    }
  }
  const parent = type.mro[1];
  const initSub = parent.lookup('__init_subclass__');
  if (initSub !== null) {
    const bound = A.descrGet(initSub, null, type);
    try {
      const kwnames = [...kwargs.keys()];
      decref(A.call(bound, [...kwargs.values()], kwnames.length ? kwnames : null));
    } finally {
      decref(bound);
    }
  }
  return type;
}

/** Store a value we hold a reference to in a class namespace (the namespace takes it over). */
function putOwned(type: PyType, name: string, value: PyObject, key?: PyStr): void {
  type.attrs.set(name, value);
  type.tp_dict!.setStr(name, value, key);
  decref(value);
}

/**
 * A static base's subclass table (CPython's tp_subclasses dict of a builtin type exists from
 * startup): per subclass, the id key and weakref it holds. Owned references.
 */
const staticSubclassEntries = new Map<PyType, PyObject[]>();

/** add_subclass: base.tp_subclasses[id(type)] = weakref(type) (key, ref, then the table). */
function addSubclass(base: PyType, type: PyType): void {
  const key = newInt(type.ob_addr);
  const ref = newWeakref(weakrefType, type, null, false);
  if (!base.isHeapType) {
    let held = staticSubclassEntries.get(type);
    if (held === undefined) staticSubclassEntries.set(type, held = []);
    held.push(key, ref);
    return;
  }
  const table = (base.tp_subclasses ??= newDict());
  table.set(key, ref);
  decref(ref);
  decref(key);
}

/** remove_all_subclasses (type_dealloc): drop `type`'s entries from its bases' tables. */
typeSupport.removeSubclass = (type: PyType): void => {
  for (const base of type.bases) {
    const i = base.subclasses.indexOf(type);
    if (i >= 0) base.subclasses.splice(i, 1);
    const table = base.tp_subclasses;
    if (!base.isHeapType || table === null) continue;
    const probe = newInt(type.ob_addr);
    const at = table.findIndex(probe);
    if (at >= 0) {
      const [k, v] = table.removeAt(at);
      decref(k);
      decref(v);
    }
    decref(probe);
    if (table.used === 0) {
      base.tp_subclasses = null;
      decref(table);
    }
  }
  const held = staticSubclassEntries.get(type);
  if (held !== undefined) {
    staticSubclassEntries.delete(type);
    for (const o of held) decref(o);
  }
};

defineNew(typeType, (_self, args, kwnames) => {
  const [pos, kw] = splitArgs(args, kwnames);
  const meta = pos[0] as PyType;
  if (pos.length === 2 && meta === typeType) return newRef(pos[1].ob_type);
  if (pos.length !== 4) throw newException(TypeError, 'type.__new__() takes exactly 3 arguments (' + (pos.length - 1) + ' given)');
  const name = pos[1], bases = pos[2], ns = pos[3];
  if (!(name instanceof PyStr)) throw newException(TypeError, `type.__new__() argument 1 must be str, not ${A.typeName(name)}`);
  if (!(bases instanceof PyTuple)) throw newException(TypeError, `type.__new__() argument 2 must be tuple, not ${A.typeName(bases)}`);
  if (!(ns instanceof PyDict)) throw newException(TypeError, `type.__new__() argument 3 must be dict, not ${A.typeName(ns)}`);
  const winner = calculateMetaclass(meta, bases.items);
  if (winner !== meta && winner.lookup('__new__') !== typeType.attrs.get('__new__')) {
    return A.call(winner, [name, bases, ns], null);
  }
  return createClass(winner, name.value, bases, ns, kw);
});

void strType;
