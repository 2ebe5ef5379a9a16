// method_descriptor / wrapper_descriptor / classmethod_descriptor: a builtin type's native
// method as it sits in the type's namespace (`list.__dict__['append']`). Reading it through an
// instance binds it (a builtin_function_or_method with `__self__`); the VM's method-call path
// calls `fn` directly with the receiver, allocating nothing.

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import type { NativeMethod } from './builtinFunction';

export type DescriptorKind = 'method' | 'slot' | 'classmethod';

export const methodDescriptorType: PyType = makeStaticType('method_descriptor', undefined, { gcHeader: true });
export const wrapperDescriptorType: PyType = makeStaticType('wrapper_descriptor', undefined, { gcHeader: true });
export const classMethodDescriptorType: PyType = makeStaticType('classmethod_descriptor', undefined, { gcHeader: true });

export class PyMethodDescr extends PyObject {
  constructor(
    readonly name: string,
    readonly owner: PyType,
    readonly fn: NativeMethod,
    readonly kind: DescriptorKind,
  ) {
    super(kind === 'slot' ? wrapperDescriptorType : kind === 'classmethod' ? classMethodDescriptorType : methodDescriptorType);
  }
}
for (const t of [methodDescriptorType, wrapperDescriptorType, classMethodDescriptorType]) t.isBaseType = false;
