// property, classmethod and staticmethod: the three descriptor types users make with decorators
// (Objects/descrobject.c, funcobject.c). Each is its own type; they share a file because each is
// a few fields and the attribute machinery treats them as one family.

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track, xdecref } from '../memory/heap';

export const propertyType: PyType = makeStaticType('property', undefined, { gcHeader: true, basicsize: 64 });
export const classMethodType: PyType = makeStaticType('classmethod', undefined, { gcHeader: true, basicsize: 32 });
export const staticMethodType: PyType = makeStaticType('staticmethod', undefined, { gcHeader: true, basicsize: 32 });

export class PyProperty extends PyObject {
  fget: PyObject | null = null;
  fset: PyObject | null = null;
  fdel: PyObject | null = null;
  doc: PyObject | null = null;
  /** Set by __set_name__, used in "property 'x' of 'C' object has no setter". */
  name: PyObject | null = null;
}

export class PyClassMethod extends PyObject {
  constructor(type: PyType, public callable: PyObject | null) {
    super(type);
  }
}

export class PyStaticMethod extends PyObject {
  constructor(type: PyType, public callable: PyObject | null) {
    super(type);
  }
}

propertyType.newInstance = (type) => track(new PyProperty(type), 64);
propertyType.tp_dealloc = (obj) => {
  const p = obj as PyProperty;
  xdecref(p.fget); xdecref(p.fset); xdecref(p.fdel); xdecref(p.doc); xdecref(p.name); xdecref(p.dict);
  p.fget = p.fset = p.fdel = p.doc = p.name = null;
  p.dict = null;
};
classMethodType.newInstance = (type) => track(new PyClassMethod(type, null), 32);
staticMethodType.newInstance = (type) => track(new PyStaticMethod(type, null), 32);
classMethodType.tp_dealloc = staticMethodType.tp_dealloc = (obj) => {
  const c = obj as PyClassMethod;
  xdecref(c.callable);
  xdecref(c.dict);
  c.callable = null;
  c.dict = null;
};
