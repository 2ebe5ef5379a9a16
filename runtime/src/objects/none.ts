// None, NotImplemented and Ellipsis: the three singletons of the language, each the sole
// instance of its type (NoneType, NotImplementedType, ellipsis).

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track, immortalize } from '../memory/heap';

export const noneType: PyType = makeStaticType('NoneType', undefined, { isBaseType: false });
export const notImplementedType: PyType = makeStaticType('NotImplementedType', undefined, { isBaseType: false });
export const ellipsisType: PyType = makeStaticType('ellipsis', undefined, { isBaseType: false });

export const None: PyObject = immortalize(track(new PyObject(noneType), 16));
export const NotImplemented: PyObject = immortalize(track(new PyObject(notImplementedType), 16));
export const Ellipsis: PyObject = immortalize(track(new PyObject(ellipsisType), 16));

export function newNone(): PyObject {
  None.ob_refcnt++;
  return None;
}
