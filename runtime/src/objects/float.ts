// float: IEEE double (Objects/floatobject.c).

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track } from '../memory/heap';

export class PyFloat extends PyObject {
  declare readonly value: number;
  constructor(type: PyType, value: number) {
    super(type);
    this.value = value;
  }
}

export const floatType: PyType = makeStaticType('float', undefined, { basicsize: 24 });

export function newFloat(v: number): PyFloat {
  return track(new PyFloat(floatType, v), 24);
}
