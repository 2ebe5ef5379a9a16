// method: a function bound to an instance (Objects/classobject.c PyMethodObject).

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track, decref } from '../memory/heap';

export const methodType: PyType = makeStaticType('method', undefined, { basicsize: 48, isBaseType: false });

export class PyMethod extends PyObject {
  constructor(public func: PyObject, public self: PyObject) {
    super(methodType);
  }
}

methodType.tp_dealloc = (obj) => {
  const m = obj as PyMethod;
  decref(m.func);
  decref(m.self);
};

export function newMethod(func: PyObject, self: PyObject): PyMethod {
  func.ob_refcnt++;
  self.ob_refcnt++;
  return track(new PyMethod(func, self), 48);
}
