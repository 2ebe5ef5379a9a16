// A small builder for native modules: a module object whose functions are builtins bound to it,
// plus typed argument helpers with CPython's wording for the common errors.

import type { PyObject } from '../objects/pyobject';
import { newDict } from '../objects/dict';
import { newModule, PyModule } from '../objects/module';
import { newBuiltinFunction, type NativeMethod } from '../objects/builtinFunction';
import { newException, TypeError } from '../objects/exceptions';
import * as A from '../objects/abstract';
import { decref } from '../memory/heap';

export interface NativeModuleBuilder {
  module: PyModule;
  /** A function `name` with the native calling convention. */
  def(name: string, fn: NativeMethod): void;
  /** A value (the reference is stolen). */
  put(name: string, value: PyObject): void;
}

export function nativeModule(name: string): NativeModuleBuilder {
  const d = newDict();
  const module = newModule(name, d);
  return {
    module,
    def(fname, fn) {
      const f = newBuiltinFunction(fname, fn, module);
      d.setStr(fname, f);
      decref(f);
    },
    put(key, value) {
      d.setStr(key, value);
      decref(value);
    },
  };
}

/** A float argument as CPython's PyFloat_AsDouble sees it (float, int, or __float__/__index__). */
export function floatArg(o: PyObject): number {
  const v = A.floatValue(o);
  if (v !== null) return v;
  const viaFloat = A.callMethodIfPresent(o, '__float__', []);
  if (viaFloat !== null) {
    const x = A.floatValue(viaFloat);
    decref(viaFloat);
    if (x !== null) return x;
  }
  const viaIndex = A.callMethodIfPresent(o, '__index__', []);
  if (viaIndex !== null) {
    const x = A.floatValue(viaIndex);
    decref(viaIndex);
    if (x !== null) return x;
  }
  throw newException(TypeError, `must be real number, not ${A.typeName(o)}`);
}

/** Exact positional arity with the "name() takes exactly one argument" family of messages. */
export function expectArgs(name: string, args: PyObject[], kwnames: string[] | null, min: number, max = min): void {
  if (kwnames !== null && kwnames.length > 0) throw newException(TypeError, `${name}() takes no keyword arguments`);
  const n = args.length;
  if (n >= min && n <= max) return;
  if (min === max && min === 1) throw newException(TypeError, `${name}() takes exactly one argument (${n} given)`);
  if (min === max && min === 0) throw newException(TypeError, `${name}() takes no arguments (${n} given)`);
  if (min === max) throw newException(TypeError, `${name} expected ${min} arguments, got ${n}`);
  if (n < min) throw newException(TypeError, `${name} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${n}`);
  throw newException(TypeError, `${name} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${n}`);
}
