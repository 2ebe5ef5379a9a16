// The builtin exceptions whose constructors do more than keep `args` (Objects/exceptions.c):
// OSError (errno → subclass mapping, errno/strerror/filename/filename2, args cut to two items
// when a filename is given), ImportError's name/path keywords, and the UnicodeError family's
// five-field form with its "'utf-8' codec can't decode byte 0xff in position 0: ..." text.
//
// An OSError's fields live in `extra` as the tuple (errno, strerror, filename, filename2), None
// for what is absent; natives that build an OSError straight from its args (osNative) go
// through initOsError so the fields and args agree with CPython's.

import type { PyObject } from './pyobject';
import { PyType } from './typeobject';
import { PyTuple, newTuple, newTupleSteal } from './tuple';
import { PyStr, newStr } from './str';
import { PyInt, newInt } from './int';
import { PyBytes } from './bytes';
import { None } from './none';
import { defineMethods, defineGetSets, defineNew, splitArgs } from './define';
import * as E from './exceptions';
import { PyBaseException, newException, builtinExceptionTypes } from './exceptions';
import * as A from './abstract';
import { newRef, decref, xdecref } from '../memory/heap';

// ---------------------------------------------------------------- OSError

/** errnomap (Linux numbers): the OSError subclass `OSError(errno, ...)` becomes. */
const ERRNO_SUBCLASS: Record<number, string> = {
  1: 'PermissionError', 13: 'PermissionError', 2: 'FileNotFoundError', 3: 'ProcessLookupError', 4: 'InterruptedError',
  10: 'ChildProcessError', 11: 'BlockingIOError', 114: 'BlockingIOError', 115: 'BlockingIOError', 17: 'FileExistsError',
  20: 'NotADirectoryError', 21: 'IsADirectoryError', 32: 'BrokenPipeError', 108: 'BrokenPipeError',
  103: 'ConnectionAbortedError', 104: 'ConnectionResetError', 110: 'TimeoutError', 111: 'ConnectionRefusedError',
};

const OS_ERRNO = 0, OS_STRERROR = 1, OS_FILENAME = 2, OS_FILENAME2 = 3;

/** The (errno, strerror, filename, filename2) fields, each an object or null. */
function osFields(e: PyBaseException): (PyObject | null)[] {
  if (e.extra instanceof PyTuple && e.extra.items.length === 4) return e.extra.items.map((x) => (x === None ? null : x));
  return [null, null, null, null];
}

/**
 * oserror_init: with 2 to 5 arguments, errno and strerror (and filename, filename2) are kept
 * apart, and a filename cuts `args` down to (errno, strerror). `args` is borrowed.
 */
export function initOsError(e: PyBaseException, args: PyObject[]): void {
  let kept = args;
  const fields: PyObject[] = [None, None, None, None];
  if (args.length >= 2 && args.length <= 5) {
    fields[OS_ERRNO] = args[0];
    fields[OS_STRERROR] = args[1];
    const filename = args[2];
    if (filename !== undefined && filename !== None) {
      fields[OS_FILENAME] = filename;
      const filename2 = args[4];
      if (filename2 !== undefined && filename2 !== None) fields[OS_FILENAME2] = filename2;
      kept = args.slice(0, 2);
    }
  }
  const oldArgs = e.args;
  e.args = newTuple(kept);
  if (oldArgs) decref(oldArgs);
  xdecref(e.extra);
  e.extra = newTuple(fields);
}

let osErrorInit: PyObject | null = null;
let osErrorNew: PyObject | null = null;

/** oserror_use_init: a subclass with its own __init__ (and OSError's __new__) parses in __init__. */
function usesInit(type: PyType): boolean {
  return type.lookup('__init__') !== osErrorInit && type.lookup('__new__') === osErrorNew;
}

defineNew(E.OSError, (_s, args, kwnames) => {
  let cls = args[0] as PyType;
  const [pos, kw] = splitArgs(args.slice(1), kwnames);
  const parseHere = !usesInit(cls);
  if (parseHere) {
    if (kw.size > 0) throw newException(E.TypeError, `${cls.name}() takes no keyword arguments`);
    const errno = pos.length >= 2 && pos.length <= 5 ? pos[0] : null;
    if (cls === E.OSError && errno instanceof PyInt && typeof errno.value === 'number') {
      const sub = ERRNO_SUBCLASS[errno.value];
      if (sub !== undefined) cls = builtinExceptionTypes().get(sub)!;
    }
  }
  const e = cls.newInstance!(cls) as PyBaseException;
  if (parseHere) initOsError(e, pos);
  else e.args = newTuple([]);
  return e;
});
osErrorNew = E.OSError.attrs.get('__new__')!;

defineMethods(E.OSError, {
  __init__: (self, args, kwnames) => {
    const e = self as PyBaseException;
    if (!usesInit(e.ob_type)) return newRef(None);
    if (kwnames !== null && kwnames.length > 0) throw newException(E.TypeError, `${e.ob_type.name}() takes no keyword arguments`);
    initOsError(e, args);
    return newRef(None);
  },
  __str__: (self) => {
    const [errno, strerror, filename, filename2] = osFields(self as PyBaseException);
    if (filename !== null) {
      const base = `[Errno ${A.str(errno ?? None)}] ${A.str(strerror ?? None)}: ${A.repr(filename)}`;
      return newStr(filename2 !== null ? `${base} -> ${A.repr(filename2)}` : base);
    }
    if (errno !== null && strerror !== null) return newStr(`[Errno ${A.str(errno)}] ${A.str(strerror)}`);
    return A.callBound(E.BaseException.attrs.get('__str__')!, self, []);
  },
  __reduce__: (self) => {
    const e = self as PyBaseException;
    const [, , filename, filename2] = osFields(e);
    let args: PyObject = newRef(e.args);
    if (filename !== null && e.args.items.length === 2) {
      decref(args);
      args = newTuple(filename2 !== null ? [...e.args.items, filename, None, filename2] : [...e.args.items, filename]);
    }
    const parts = [newRef(e.ob_type), args];
    if (e.dict !== null && A.length(e.dict) > 0) parts.push(newRef(e.dict));
    return newTupleSteal(parts);
  },
});
osErrorInit = E.OSError.attrs.get('__init__')!;

function osField(index: number): [(self: PyObject) => PyObject, (self: PyObject, v: PyObject | null) => void] {
  return [
    (self) => newRef(osFields(self as PyBaseException)[index] ?? None),
    (self, v) => {
      const e = self as PyBaseException;
      const fields = osFields(e).map((x) => x ?? None);
      fields[index] = v ?? None;
      xdecref(e.extra);
      e.extra = newTuple(fields);
    },
  ];
}

defineGetSets(E.OSError, {
  errno: osField(OS_ERRNO),
  strerror: osField(OS_STRERROR),
  filename: osField(OS_FILENAME),
  filename2: osField(OS_FILENAME2),
});

// ---------------------------------------------------------------- ImportError

/** ImportError_init: keywords name and path only; `extra` holds the path. */
defineMethods(E.ImportError, {
  __init__: (self, args, kwnames) => {
    const [pos, kw] = splitArgs(args, kwnames);
    const e = self as PyBaseException;
    for (const k of kw.keys()) {
      if (k !== 'name' && k !== 'path') throw newException(E.TypeError, `'${k}' is an invalid keyword argument for ${e.ob_type.name}()`);
    }
    const old = e.args;
    e.args = newTuple(pos);
    decref(old);
    xdecref(e.name);
    e.name = kw.has('name') ? newRef(kw.get('name')!) : null;
    xdecref(e.extra);
    e.extra = kw.has('path') ? newRef(kw.get('path')!) : null;
    return newRef(None);
  },
  __str__: (self) => {
    const e = self as PyBaseException;
    // ImportError_str: the msg (args[0] when it is the only argument), else BaseException's.
    if (e.args.items.length === 1) return A.strObj(e.args.items[0]);
    return A.callBound(E.BaseException.attrs.get('__str__')!, self, []);
  },
});
defineGetSets(E.ImportError, {
  path: [(self) => newRef((self as PyBaseException).extra ?? None), (self, v) => {
    const e = self as PyBaseException;
    xdecref(e.extra);
    e.extra = v === null || v === None ? null : newRef(v);
  }],
  msg: [(self) => newRef((self as PyBaseException).args.items.length === 1 ? (self as PyBaseException).args.items[0] : None)],
});

// ---------------------------------------------------------------- UnicodeError

const UnicodeDecodeError = builtinExceptionTypes().get('UnicodeDecodeError')!;
const UnicodeEncodeError = builtinExceptionTypes().get('UnicodeEncodeError')!;
const UnicodeTranslateError = builtinExceptionTypes().get('UnicodeTranslateError')!;

/** A code point as unicodeobject.c shows it in these messages: \xNN, \uNNNN or \UNNNNNNNN. */
function escapedChar(cp: number): string {
  if (cp < 0x100) return `\\x${cp.toString(16).padStart(2, '0')}`;
  if (cp < 0x10000) return `\\u${cp.toString(16).padStart(4, '0')}`;
  return `\\U${cp.toString(16).padStart(8, '0')}`;
}

/** The five fields (encoding, object, start, end, reason) when args has that form, else null. */
function unicodeFields(e: PyBaseException, translate: boolean): { encoding: string; object: PyObject; start: number; end: number; reason: string } | null {
  const a = e.args.items;
  const offset = translate ? -1 : 0;
  if (a.length !== 5 + offset) return null;
  const encoding = translate ? null : a[0];
  const [object, start, end, reason] = a.slice(1 + offset);
  if ((encoding !== null && !(encoding instanceof PyStr)) || !(start instanceof PyInt) || !(end instanceof PyInt) || !(reason instanceof PyStr)) return null;
  return { encoding: encoding?.value ?? '', object, start: Number(start.value), end: Number(end.value), reason: reason.value };
}

defineMethods(UnicodeDecodeError, {
  __str__: (self) => {
    const f = unicodeFields(self as PyBaseException, false);
    if (f === null || !(f.object instanceof PyBytes)) return A.callBound(E.BaseException.attrs.get('__str__')!, self, []);
    if (f.end === f.start + 1 && f.start >= 0 && f.start < f.object.data.length) {
      const byte = f.object.data[f.start].toString(16).padStart(2, '0');
      return newStr(`'${f.encoding}' codec can't decode byte 0x${byte} in position ${f.start}: ${f.reason}`);
    }
    return newStr(`'${f.encoding}' codec can't decode bytes in position ${f.start}-${f.end - 1}: ${f.reason}`);
  },
});

function unicodeTextError(translate: boolean): (self: PyObject) => PyObject {
  return (self) => {
    const f = unicodeFields(self as PyBaseException, translate);
    if (f === null || !(f.object instanceof PyStr)) return A.callBound(E.BaseException.attrs.get('__str__')!, self, []);
    const chars = [...f.object.value];
    const verb = translate ? "can't translate" : `'${f.encoding}' codec can't encode`;
    if (f.end === f.start + 1 && f.start >= 0 && f.start < chars.length) {
      return newStr(`${verb} character '${escapedChar(chars[f.start].codePointAt(0)!)}' in position ${f.start}: ${f.reason}`);
    }
    return newStr(`${verb} characters in position ${f.start}-${f.end - 1}: ${f.reason}`);
  };
}
defineMethods(UnicodeEncodeError, { __str__: unicodeTextError(false) });
defineMethods(UnicodeTranslateError, { __str__: unicodeTextError(true) });

/** encoding/object/start/end/reason read from the five-field args. */
for (const [t, translate] of [[UnicodeDecodeError, false], [UnicodeEncodeError, false], [UnicodeTranslateError, true]] as [PyType, boolean][]) {
  const names = translate ? ['object', 'start', 'end', 'reason'] : ['encoding', 'object', 'start', 'end', 'reason'];
  const getsets: Record<string, [(self: PyObject) => PyObject]> = {};
  names.forEach((name, i) => {
    getsets[name] = [(self) => {
      const a = (self as PyBaseException).args.items;
      return newRef(a.length === names.length ? a[i] : None);
    }];
  });
  defineGetSets(t, getsets);
}

void newInt;
