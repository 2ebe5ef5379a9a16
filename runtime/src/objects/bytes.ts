// bytes and bytearray (Objects/bytesobject.c, bytearrayobject.c): byte sequences.

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track, immortalize } from '../memory/heap';

export const bytesType: PyType = makeStaticType('bytes', undefined, { basicsize: 33 });
export const bytearrayType: PyType = makeStaticType('bytearray', undefined, { basicsize: 56 });

export class PyBytes extends PyObject {
  constructor(type: PyType, public data: Uint8Array) {
    super(type);
  }
}

/** CPython's shared empty bytes and the 256 one-byte bytes (bytes_get_empty, characters[]). */
const sharedBytes: (PyBytes | undefined)[] = [];

export function newBytes(data: Uint8Array, type: PyType = bytesType): PyBytes {
  if (type === bytesType && data.length <= 1) {
    const key = data.length === 0 ? 256 : data[0];
    const shared = sharedBytes[key];
    if (shared !== undefined) {
      shared.ob_refcnt++;
      return shared;
    }
    return (sharedBytes[key] = immortalize(track(new PyBytes(bytesType, data.slice()), 33 + data.length)));
  }
  return track(new PyBytes(type, data), type === bytesType ? 33 + data.length : 56);
}
