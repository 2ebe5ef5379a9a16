// function: a Python function (Objects/funcobject.c): code + globals + defaults + closure.

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track, decref, xdecref } from '../memory/heap';
import type { PyCode } from './code';
import type { PyDict } from './dict';
import type { PyTuple } from './tuple';

export const functionType: PyType = makeStaticType('function', undefined, { gcHeader: true, basicsize: 136, isBaseType: false });

export class PyFunction extends PyObject {
  defaults: PyTuple | null = null;
  kwdefaults: PyDict | null = null;
  closure: PyTuple | null = null;
  annotations: PyObject | null = null;
  doc: PyObject | null = null;
  module: PyObject | null = null;
  name: string;
  qualname: string;
  constructor(readonly code: PyCode, readonly globals: PyDict, readonly builtins: PyDict) {
    super(functionType);
    this.name = code.co.co_name;
    this.qualname = code.co.co_qualname;
  }
}

functionType.tp_dealloc = (obj) => {
  const f = obj as PyFunction;
  decref(f.globals);
  xdecref(f.defaults);
  xdecref(f.kwdefaults);
  xdecref(f.closure);
  xdecref(f.annotations);
  xdecref(f.doc);
  xdecref(f.module);
  xdecref(f.dict);
  f.defaults = f.kwdefaults = f.closure = null;
  f.annotations = f.doc = f.module = null;
  f.dict = null;
};

export function newFunction(code: PyCode, globals: PyDict, builtins: PyDict): PyFunction {
  globals.ob_refcnt++;
  return track(new PyFunction(code, globals, builtins), 136);
}
