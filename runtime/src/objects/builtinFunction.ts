// builtin_function_or_method: a native function, optionally bound to `__self__`
// (CPython's PyCFunctionObject). Natives use one calling convention, vectorcall-like:
// `fn(self, args, kwnames)` where the last `kwnames.length` entries of `args` are keyword values.
// Arguments are borrowed; the result is a new reference.

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track, xdecref } from '../memory/heap';

export type NativeMethod = (self: PyObject, args: PyObject[], kwnames: string[] | null) => PyObject;

export const builtinFunctionType: PyType = makeStaticType('builtin_function_or_method', undefined, { gcHeader: true });

export class PyBuiltinFunction extends PyObject {
  constructor(
    readonly name: string,
    readonly fn: NativeMethod,
    /** The bound object (a module for module-level functions, the instance for bound methods). */
    public self: PyObject | null,
    /** `list.append` style owner name for reprs of methods, '' for module functions. */
    readonly ownerName: string = '',
    public qualname: string = name,
  ) {
    super(builtinFunctionType);
  }
}

export function newBuiltinFunction(
  name: string, fn: NativeMethod, self: PyObject | null, ownerName = '', qualname = name,
): PyBuiltinFunction {
  if (self !== null) self.ob_refcnt++;
  return track(new PyBuiltinFunction(name, fn, self, ownerName, qualname), 56);
}

builtinFunctionType.tp_dealloc = (obj) => {
  const f = obj as PyBuiltinFunction;
  xdecref(f.self);
  f.self = null;
};
builtinFunctionType.isBaseType = false;
