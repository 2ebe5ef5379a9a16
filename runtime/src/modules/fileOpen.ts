// Builtins whose CPython implementation lives elsewhere: open (io.open, a C function) and help
// (site's _Helper over pydoc). CPython's open is io.open, a C function. Here io.open is Python (runtime/lib/io.py,
// over the host's sandboxed file system), so the traceback entries of its frames are dropped
// when an exception leaves it: `open('missing.txt')` shows only the caller's line, as in CPython.

import type { PyObject } from '../objects/pyobject';
import { None } from '../objects/none';
import { PyBaseException } from '../objects/exceptions';
import * as A from '../objects/abstract';
import { decref, xdecref } from '../memory/heap';
import type { Interpreter } from '../vm/interpreter';
import type { NativeMethod } from '../objects/builtinFunction';

/** Call `name` of the stdlib module `module` as if it were a native function (no Python frames in tracebacks). */
export function callAsNative(interp: Interpreter, module: string, name: string, args: PyObject[], kwnames: string[] | null): PyObject {
  const m = interp.importName(module, None, 0, interp.frame!.globals);
  try {
    const fn = A.getAttr(m, name);
    try {
      return A.call(fn, args, kwnames);
    } finally {
      decref(fn);
    }
  } catch (e) {
    if (e instanceof PyBaseException) {
      xdecref(e.traceback);
      e.traceback = null;
    }
    throw e;
  } finally {
    decref(m);
  }
}

export function defineOpen(interp: Interpreter, def: (name: string, fn: NativeMethod) => void): void {
  def('open', (_s, args, kwnames) => callAsNative(interp, 'io', 'open', args, kwnames));
}

/** help(obj): pydoc's plain-text page on stdout (runtime/lib/pydoc.py). */
export function defineHelp(interp: Interpreter, def: (name: string, fn: NativeMethod) => void): void {
  def('help', (_s, args, kwnames) => callAsNative(interp, 'pydoc', 'help', args, kwnames));
}
