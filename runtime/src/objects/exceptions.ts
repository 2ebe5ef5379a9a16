// The exception hierarchy (CPython's Objects/exceptions.c). An exception is a PyBaseException:
// `args`, `__traceback__`, `__context__`, `__cause__`, `__suppress_context__`, plus the extra
// fields a few classes carry (StopIteration.value, SystemExit.code, NameError.name,
// AttributeError.name/obj used by "Did you mean" suggestions).
//
// Natives raise by `throw newException(TypeError, 'message')`: the exception object itself is the
// thrown JS value (no Error wrapper, so no JS stack capture), and the eval loop catches it and
// unwinds through the exception table.

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track, decref, xdecref, newRef, immortalize } from '../memory/heap';
import type { PyTuple } from './tuple';

export class PyBaseException extends PyObject {
  args!: PyTuple;
  traceback: PyObject | null = null;
  context: PyBaseException | null = null;
  cause: PyBaseException | null = null;
  suppressContext = false;
  /** StopIteration.value, SystemExit.code, AttributeError.obj, ImportError.name... (owned). */
  extra: PyObject | null = null;
  /** NameError/AttributeError/ImportError `.name` (owned). */
  name: PyObject | null = null;
  notes: PyObject | null = null;
  constructor(type: PyType) {
    super(type);
  }
}

function deallocException(obj: PyObject): void {
  const e = obj as PyBaseException;
  if (e.args) decref(e.args);
  xdecref(e.traceback);
  xdecref(e.context);
  xdecref(e.cause);
  xdecref(e.extra);
  xdecref(e.name);
  xdecref(e.dict);
  e.traceback = e.context = e.cause = e.extra = e.name = null;
  e.dict = null;
}

export const BaseException: PyType = makeStaticType('BaseException', undefined, { gcHeader: true,
  basicsize: 72,
  isExceptionType: true,
  instancesHaveDict: true,
  tp_dealloc: deallocException,
});
BaseException.newInstance = (type: PyType) => track(new PyBaseException(type), type.basicsize);

const allExceptionTypes = new Map<string, PyType>([['BaseException', BaseException]]);

function exc(name: string, base: PyType): PyType {
  const t = makeStaticType(name, base);
  t.isExceptionType = true;
  t.instancesHaveDict = true;
  allExceptionTypes.set(name, t);
  return t;
}

export const BaseExceptionGroup = exc('BaseExceptionGroup', BaseException);
export const GeneratorExit = exc('GeneratorExit', BaseException);
export const KeyboardInterrupt = exc('KeyboardInterrupt', BaseException);
export const SystemExit = exc('SystemExit', BaseException);
export const Exception = exc('Exception', BaseException);
export const ArithmeticError = exc('ArithmeticError', Exception);
export const FloatingPointError = exc('FloatingPointError', ArithmeticError);
export const OverflowError = exc('OverflowError', ArithmeticError);
export const ZeroDivisionError = exc('ZeroDivisionError', ArithmeticError);
export const AssertionError = exc('AssertionError', Exception);
export const AttributeError = exc('AttributeError', Exception);
export const BufferError = exc('BufferError', Exception);
export const EOFError = exc('EOFError', Exception);
export const ImportError = exc('ImportError', Exception);
export const ModuleNotFoundError = exc('ModuleNotFoundError', ImportError);
export const LookupError = exc('LookupError', Exception);
export const IndexError = exc('IndexError', LookupError);
export const KeyError = exc('KeyError', LookupError);
export const MemoryError = exc('MemoryError', Exception);
export const NameError = exc('NameError', Exception);
export const UnboundLocalError = exc('UnboundLocalError', NameError);
export const OSError = exc('OSError', Exception);
for (const n of ['BlockingIOError', 'ChildProcessError', 'FileExistsError', 'FileNotFoundError', 'InterruptedError',
  'IsADirectoryError', 'NotADirectoryError', 'PermissionError', 'ProcessLookupError', 'TimeoutError']) exc(n, OSError);
export const ConnectionError = exc('ConnectionError', OSError);
for (const n of ['BrokenPipeError', 'ConnectionAbortedError', 'ConnectionRefusedError', 'ConnectionResetError']) exc(n, ConnectionError);
export const ReferenceError = exc('ReferenceError', Exception);
export const RuntimeError = exc('RuntimeError', Exception);
export const NotImplementedError = exc('NotImplementedError', RuntimeError);
export const RecursionError = exc('RecursionError', RuntimeError);
export const StopAsyncIteration = exc('StopAsyncIteration', Exception);
export const StopIteration = exc('StopIteration', Exception);
export const SyntaxError = exc('SyntaxError', Exception);
export const IndentationError = exc('IndentationError', SyntaxError);
exc('TabError', IndentationError);
export const SystemError = exc('SystemError', Exception);
export const TypeError = exc('TypeError', Exception);
export const ValueError = exc('ValueError', Exception);
export const UnicodeError = exc('UnicodeError', ValueError);
for (const n of ['UnicodeDecodeError', 'UnicodeEncodeError', 'UnicodeTranslateError']) exc(n, UnicodeError);
export const Warning = exc('Warning', Exception);
for (const n of ['BytesWarning', 'DeprecationWarning', 'EncodingWarning', 'FutureWarning', 'ImportWarning',
  'PendingDeprecationWarning', 'ResourceWarning', 'RuntimeWarning', 'SyntaxWarning', 'UnicodeWarning', 'UserWarning']) exc(n, Warning);
export const DeprecationWarning = allExceptionTypes.get('DeprecationWarning')!;
export const SyntaxWarning = allExceptionTypes.get('SyntaxWarning')!;
export const ExceptionGroup = exc('ExceptionGroup', BaseExceptionGroup);

/** Every builtin exception class by name, for the builtins module. */
export function builtinExceptionTypes(): Map<string, PyType> {
  return allExceptionTypes;
}

// Filled in by the tuple/str files (they load after this one); avoids an import cycle at load time.
export const exceptionSupport = {
  makeArgs: null as unknown as (items: PyObject[]) => PyTuple,
  makeStr: null as unknown as (s: string) => PyObject,
};

/** A new exception of `type` with args = (message,) — what natives throw. */
export function newException(type: PyType, message?: string | PyObject): PyBaseException {
  const e = type.newInstance!(type) as PyBaseException;
  if (message === undefined) e.args = exceptionSupport.makeArgs([]);
  else if (typeof message === 'string') {
    const s = exceptionSupport.makeStr(message);
    e.args = exceptionSupport.makeArgs([s]);
    decref(s);
  } else {
    e.args = exceptionSupport.makeArgs([message]);
  }
  if (type === StopIteration || type.isSubtypeOf(StopIteration)) e.extra = e.args.items.length > 0 ? newRef(e.args.items[0]) : null;
  return e;
}

export function isException(obj: unknown): obj is PyBaseException {
  return obj instanceof PyBaseException;
}

immortalize(BaseException);
