// _traceback: the native half of runtime/lib/traceback.py. It hands Python the VM's own
// traceback printer (vm/traceback.ts) piece by piece, so traceback.format_exc() and friends print
// exactly what an uncaught exception prints: each entry's `File …, line …, in …` with its
// source line and ^^^/~~~ markers, and the exception-only lines (SyntaxError location,
// "Did you mean" suggestions, notes). Source lines come from the host's files and, for library
// frames, from the shipped sources.

import type { PyObject } from '../objects/pyobject';
import { PyTraceback, PyFrameObject } from '../objects/traceback';
import { PyBaseException, newException, TypeError } from '../objects/exceptions';
import { newInt } from '../objects/int';
import { newStr, PyStr } from '../objects/str';
import { None } from '../objects/none';
import { newTupleSteal } from '../objects/tuple';
import { newListSteal } from '../objects/list';
import { positionAt } from '../objects/lineTable';
import type { PyCode } from '../objects/code';
import * as A from '../objects/abstract';
import { newRef, xdecref } from '../memory/heap';
import { newBuiltinFunction } from '../objects/builtinFunction';
import { displayLine, formatExceptionOnly, type SourceLines } from '../vm/traceback';
import { stdlibFileText, STDLIB_DIR } from './stdlib';
import { nativeModule } from './nativeModule';
import type { Interpreter } from '../vm/interpreter';

export function makeTracebackNative(interp: Interpreter) {
  const m = nativeModule('_traceback');
  const cache = new Map<string, string[] | null>();
  const source: SourceLines = (filename) => {
    if (!cache.has(filename)) {
      const text = filename.startsWith(STDLIB_DIR + '/') ? stdlibFileText(filename) : interp.host.readFile(filename);
      cache.set(filename, text === null ? null : text.split(/\r?\n/));
    }
    return cache.get(filename)!;
  };
  const builtinNames = () => interp.builtins.keyList().map((k) => (k as PyStr).value);

  /** (filename, lineno, end_lineno, colno, end_colno, name, line, formatted) for one frame position. */
  const entry = (code: PyCode, lasti: number, columns = true): PyObject => {
    const at = positionAt(code, lasti);
    const pos = columns ? at : { ...at, col: -1, endCol: -1 };
    const file = code.co.co_filename;
    const lines = source(file);
    const text = lines !== null && pos.line >= 1 && pos.line <= lines.length ? lines[pos.line - 1].trim() : null;
    const num = (n: number) => (n < 0 ? newRef(None) : newInt(n));
    return newTupleSteal([
      newStr(file), num(pos.line), num(pos.endLine), num(pos.col), num(pos.endCol), newStr(code.co.co_name),
      text === null ? newRef(None) : newStr(text), newStr(displayLine(file, code.co.co_name, pos, source)),
    ]);
  };

  // tb_entries(tb) -> one entry per traceback link, outermost first.
  m.def('tb_entries', (_s, args) => {
    const items: PyObject[] = [];
    for (let tb = args[0] instanceof PyTraceback ? args[0] : null; tb !== null; tb = tb.next) items.push(entry(tb.frame.code, tb.lasti));
    return newListSteal(items);
  });

  // frame_entry(frame) -> the entry for a frame object at its current instruction (traceback.py
  // shows stack frames without column markers, so `formatted` has none).
  m.def('frame_entry', (_s, args) => {
    const f = args[0];
    if (!(f instanceof PyFrameObject)) throw newException(TypeError, `expected a frame, not ${A.typeName(f)}`);
    return entry(f.code, f.lasti, false);
  });

  // exception_only(exc) -> the text after the entries, as the uncaught-exception printer writes it.
  m.def('exception_only', (_s, args) => {
    const exc = args[0];
    if (!(exc instanceof PyBaseException)) throw newException(TypeError, `expected an exception, not ${A.typeName(exc)}`);
    return newStr(formatExceptionOnly(exc, builtinNames, false));
  });

  // getline(filename, lineno) -> the source line (with its newline) or ''.
  m.def('getline', (_s, args) => {
    const lines = source(A.str(args[0]));
    const n = Number(A.indexValue(args[1]));
    return newStr(lines !== null && n >= 1 && n <= lines.length ? lines[n - 1] + '\n' : '');
  });
  // as_builtin(fn, name) -> a builtin function calling fn whose failures carry no traceback
  // entries from fn's frames: library code standing in for one of CPython's C functions
  // (warnings.warn) then raises with the traceback CPython shows.
  m.def('as_builtin', (_s, args) => {
    const fn = newRef(args[0]); // held for the life of the wrapper, as a module-level function is
    return newBuiltinFunction(A.str(args[1]), (_self, callArgs, kwnames) => {
      try {
        return A.call(fn, callArgs, kwnames);
      } catch (e) {
        if (e instanceof PyBaseException) {
          xdecref(e.traceback);
          e.traceback = null;
        }
        throw e;
      }
    }, null);
  });
  return m.module;
}
