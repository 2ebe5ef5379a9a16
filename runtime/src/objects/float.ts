// float: IEEE double (Objects/floatobject.c).

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { trackFreeListed, FREELIST_FLOAT } from '../memory/heap';

export class PyFloat extends PyObject {
  declare readonly value: number;
  constructor(type: PyType, value: number) {
    super(type);
    this.value = value;
  }
}

export const floatType: PyType = makeStaticType('float', undefined, { basicsize: 24 });

floatType.freeList = FREELIST_FLOAT;

export function newFloat(v: number): PyFloat {
  return trackFreeListed(new PyFloat(floatType, v), 24);
}
