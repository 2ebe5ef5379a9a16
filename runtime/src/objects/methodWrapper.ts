// method-wrapper: a slot wrapper bound to an instance (`(1).__add__`, CPython's wrapperobject).
// A PyBuiltinFunction underneath, so calls take the builtin path; only its type differs, for
// type(), repr and the attributes objectMethods.ts gives it.

import { makeStaticType, type PyType } from './typeobject';
import { builtinFunctionType } from './builtinFunction';

export const methodWrapperType: PyType = makeStaticType('method-wrapper', undefined, { gcHeader: true, isBaseType: false });
methodWrapperType.tp_dealloc = (obj) => builtinFunctionType.tp_dealloc(obj);
