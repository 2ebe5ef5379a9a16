// super (Objects/typeobject.c super_*): attribute lookup that starts after `thisclass` in the
// MRO of the instance's type, binding what it finds to the instance (or class).

import { PyObject } from './pyobject';
import { PyType, makeStaticType } from './typeobject';
import { defineMethods, defineNew, defineGetSets } from './define';
import { newStr, PyStr } from './str';
import { None } from './none';
import { newException, TypeError, RuntimeError } from './exceptions';
import * as A from './abstract';
import { newRef, decref, track } from '../memory/heap';

export const superType: PyType = makeStaticType('super', undefined, { gcHeader: true, basicsize: 40 });

export class PySuper extends PyObject {
  constructor(readonly thisType: PyType, readonly obj: PyObject, readonly objType: PyType) {
    super(superType);
  }
}
superType.tp_dealloc = (o) => {
  const s = o as PySuper;
  decref(s.thisType);
  decref(s.obj);
};

/** Finds (__class__, first argument) of the calling frame for zero-argument super(); set by the VM. */
export const superSupport = {
  zeroArgs: null as unknown as () => [PyObject, PyObject],
};

export function makeSuper(type: PyObject, obj: PyObject): PySuper {
  if (!(type instanceof PyType)) throw newException(TypeError, `super() argument 1 must be a type, not ${A.typeName(type)}`);
  let objType: PyType;
  if (obj instanceof PyType && obj.isSubtypeOf(type)) objType = obj;
  else if (obj.ob_type.isSubtypeOf(type)) objType = obj.ob_type;
  else throw newException(TypeError, 'super(type, obj): obj must be an instance or subtype of type');
  return track(new PySuper(newRef(type), newRef(obj), objType), 40);
}

defineNew(superType, (_s, args) => {
  if (args.length === 1) {
    const [cls, obj] = superSupport.zeroArgs();
    return makeSuper(cls, obj);
  }
  if (args.length === 2) throw newException(RuntimeError, 'super(type) without an object is not supported');
  return makeSuper(args[1], args[2]);
});

defineMethods(superType, {
  __init__: () => newRef(None),
  __getattribute__: (self, args) => {
    const s = self as PySuper;
    const name = (args[0] as PyStr).value;
    if (name !== '__class__') {
      const mro = s.objType.mro;
      let i = mro.indexOf(s.thisType) + 1;
      for (; i < mro.length; i++) {
        const v = mro[i].attrs.get(name);
        if (v !== undefined) return A.descrGet(v, s.obj === s.objType ? null : s.obj, s.objType);
      }
    }
    const r = A.genericGetAttr(self, name);
    if (r === null) throw A.attributeError(self, name);
    return r;
  },
  __repr__: (self) => {
    const s = self as PySuper;
    return newStr(`<super: <class '${s.thisType.name}'>, <${s.objType.name} object>>`);
  },
});
defineGetSets(superType, {
  __thisclass__: [(self) => newRef((self as PySuper).thisType)],
  __self__: [(self) => newRef((self as PySuper).obj)],
  __self_class__: [(self) => newRef((self as PySuper).objType)],
});
