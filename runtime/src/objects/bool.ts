// bool: a subclass of int with exactly two instances (Objects/boolobject.c).

import { makeStaticType, type PyType } from './typeobject';
import { PyInt, intType } from './int';
import { track, immortalize } from '../memory/heap';
import type { PyObject } from './pyobject';

export const boolType: PyType = makeStaticType('bool', intType, { basicsize: 28, isBaseType: false });

export const False: PyInt = immortalize(track(new PyInt(boolType, 0), 24));
export const True: PyInt = immortalize(track(new PyInt(boolType, 1), 28));

/** A new reference to True or False. */
export function newBool(b: boolean): PyInt {
  const o = b ? True : False;
  o.ob_refcnt++;
  return o;
}

export function isBool(o: PyObject): boolean {
  return o === True || o === False;
}
