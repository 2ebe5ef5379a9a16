// _asyncio_support: the natives the Python asyncio package (runtime/lib/asyncio) needs and
// cannot write itself — formatting an exception with its traceback exactly as the interpreter
// prints an uncaught one (what CPython's asyncio logger prints through the traceback module),
// and sys.set_asyncgen_hooks/get_asyncgen_hooks (objects/asyncGenerator.ts keeps the hooks).

import { newStr } from '../objects/str';
import { PyStr } from '../objects/str';
import { PyBaseException, newException, TypeError } from '../objects/exceptions';
import { nativeModule } from './nativeModule';
import { formatException } from '../vm/traceback';
import type { Interpreter } from '../vm/interpreter';
import type { PyModule } from '../objects/module';
import type { PyObject } from '../objects/pyobject';
import { None } from '../objects/none';
import { newTupleSteal } from '../objects/tuple';
import * as A from '../objects/abstract';
import { newRef, xdecref } from '../memory/heap';
import { asyncGenHooks } from '../objects/asyncGenerator';

export function makeAsyncioSupport(interp: Interpreter): PyModule {
  const m = nativeModule('_asyncio_support');
  const cache = new Map<string, string[] | null>();
  const source = (filename: string) => {
    if (!cache.has(filename)) {
      const text = interp.host.readFile(filename);
      cache.set(filename, text === null ? null : text.split(/\r?\n/));
    }
    return cache.get(filename)!;
  };
  m.def('format_exception', (_self, args) => {
    const exc = args[0];
    if (!(exc instanceof PyBaseException)) throw newException(TypeError, 'format_exception() expects an exception');
    const names = () => interp.builtins.keyList().map((k) => (k as PyStr).value);
    return newStr(formatException(exc, source, names));
  });
  // sys.set_asyncgen_hooks / get_asyncgen_hooks (the loop installs its hooks while it runs).
  m.def('set_asyncgen_hooks', (_self, args) => {
    const [firstiter, finalizer] = args;
    for (const [name, v] of [['firstiter', firstiter], ['finalizer', finalizer]] as const) {
      if (v !== undefined && v !== None && v.ob_type.lookup('__call__') === null) {
        throw newException(TypeError, `callable ${name} expected, got ${A.typeName(v)}`);
      }
    }
    const set = (v: PyObject | undefined, old: PyObject | null) => {
      if (v === undefined) return old;
      xdecref(old);
      return v === None ? null : newRef(v);
    };
    asyncGenHooks.firstiter = set(firstiter, asyncGenHooks.firstiter);
    asyncGenHooks.finalizer = set(finalizer, asyncGenHooks.finalizer);
    return newRef(None);
  });
  m.def('get_asyncgen_hooks', () => newTupleSteal([
    newRef(asyncGenHooks.firstiter ?? None), newRef(asyncGenHooks.finalizer ?? None),
  ]));
  return m.module;
}
