// module: a namespace object (Objects/moduleobject.c). Its `__dict__` is the module's globals.

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track } from '../memory/heap';
import { newDict, type PyDict } from './dict';
import { newStr } from './str';
import { None } from './none';

export const moduleType: PyType = makeStaticType('module', undefined, { gcHeader: true, basicsize: 56 });

export class PyModule extends PyObject {
  constructor(type: PyType, readonly name: string, globals: PyDict) {
    super(type);
    this.dict = globals;
  }
}

export function newModule(name: string, globals: PyDict = newDict()): PyModule {
  const m = track(new PyModule(moduleType, name, globals), 56);
  const n = newStr(name);
  globals.setStr('__name__', n);
  n.ob_refcnt--;
  if (globals.getStr('__doc__') === undefined) globals.setStr('__doc__', None);
  return m;
}
