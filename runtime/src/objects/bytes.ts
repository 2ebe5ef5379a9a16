// bytes and bytearray (Objects/bytesobject.c, bytearrayobject.c): byte sequences.

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track } from '../memory/heap';

export const bytesType: PyType = makeStaticType('bytes', undefined, { basicsize: 33 });
export const bytearrayType: PyType = makeStaticType('bytearray', undefined, { basicsize: 56 });

export class PyBytes extends PyObject {
  constructor(type: PyType, public data: Uint8Array) {
    super(type);
  }
}

export function newBytes(data: Uint8Array, type: PyType = bytesType): PyBytes {
  return track(new PyBytes(type, data), type === bytesType ? 33 + data.length : 56);
}
