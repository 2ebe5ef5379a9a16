// getset_descriptor: a computed attribute of a builtin type (`function.__name__`,
// `BaseException.args`, `type.__mro__`). A data descriptor: it wins over the instance dict.

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { decref } from '../memory/heap';

export type Getter = (self: PyObject) => PyObject;
export type Setter = (self: PyObject, value: PyObject | null) => void;

export const getsetDescriptorType: PyType = makeStaticType('getset_descriptor', undefined, { gcHeader: true });
getsetDescriptorType.isBaseType = false;

/** The descriptor owns a reference to its class (d_type): a class's own descriptors are in its cycle. */
export class PyGetSetDescr extends PyObject {
  constructor(readonly name: string, readonly owner: PyType, readonly get: Getter, readonly set: Setter | null) {
    super(getsetDescriptorType);
    owner.ob_refcnt++;
  }
}
getsetDescriptorType.tp_dealloc = (o) => decref((o as PyGetSetDescr).owner);
