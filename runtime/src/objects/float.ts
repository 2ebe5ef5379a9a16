// float: IEEE double (Objects/floatobject.c).

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { trackFreeListed, FREELIST_FLOAT } from '../memory/heap';
import * as libm from '../modules/random/libm';

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

/**
 * C's pow() as glibc computes it: correctly rounded. JS's ** is off by one unit in the last place
 * for several percent of arguments (2 ** 1.5 is 2.82842712474619, glibc's 2.8284271247461903),
 * so the general case goes through the double-double libm port (slower); squares and square
 * roots are exact in IEEE arithmetic already.
 */
export function powDouble(a: number, b: number): number {
  if (b === 2) return a * a;
  if (b === 0.5 && a > 0) return Math.sqrt(a);
  return libm.pow(a, b);
}

