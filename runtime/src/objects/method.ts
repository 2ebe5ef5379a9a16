// method: a function bound to an instance (Objects/classobject.c PyMethodObject).

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track, decref } from '../memory/heap';

export const methodType: PyType = makeStaticType('method', undefined, { gcHeader: true, basicsize: 48, isBaseType: false });

export class PyMethod extends PyObject {
  declare func: PyObject;
  declare self: PyObject;
  constructor(func: PyObject, self: PyObject) {
    super(methodType);
    this.func = func;
    this.self = self;
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
