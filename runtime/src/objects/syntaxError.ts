// SyntaxError's fields and str (Objects/exceptions.c SyntaxError_init / SyntaxError_str): msg,
// filename, lineno, offset, text, end_lineno, end_offset, print_file_and_line. The fields live in
// the exception's owned `extra` slot as a tuple (never seen by Python code), so `e.__dict__`
// stays empty as in CPython. `syntaxErrorFrom` turns the front end's PySyntaxError into the
// Python exception compile()/exec()/eval() raise.

import type { PyObject } from './pyobject';
import { None } from './none';
import { PyInt, newInt, intType } from './int';
import { PyStr, newStr } from './str';
import { PyTuple, newTuple, newTupleSteal } from './tuple';
import { defineMethods, defineGetSets } from './define';
import * as E from './exceptions';
import { PyBaseException, newException } from './exceptions';
import * as A from './abstract';
import { newRef, decref, xdecref } from '../memory/heap';
import type { PySyntaxError } from '../syntax/errors';

const FIELDS = ['msg', 'filename', 'lineno', 'offset', 'text', 'end_lineno', 'end_offset', 'print_file_and_line'] as const;
type Field = (typeof FIELDS)[number];

function fields(e: PyBaseException): PyObject[] {
  if (!(e.extra instanceof PyTuple)) {
    xdecref(e.extra);
    e.extra = newTupleSteal(FIELDS.map(() => newRef(None)));
  }
  return (e.extra as PyTuple).items;
}

function setField(e: PyBaseException, name: Field, v: PyObject | null): void {
  const items = fields(e);
  const i = FIELDS.indexOf(name);
  const old = items[i];
  items[i] = newRef(v ?? None);
  decref(old);
}

/** A SyntaxError field (borrowed); None when unset. */
export function syntaxErrorField(e: PyBaseException, name: Field): PyObject {
  return fields(e)[FIELDS.indexOf(name)];
}

defineMethods(E.SyntaxError, {
  __init__: (self, args) => {
    const e = self as PyBaseException;
    const old = e.args;
    e.args = newTuple(args);
    decref(old);
    fields(e);
    if (args.length >= 1) setField(e, 'msg', args[0]);
    if (args.length === 2) {
      const info = A.toArray(args[1]);
      try {
        if (info.length < 4 || info.length > 6) {
          throw newException(E.TypeError, `function takes ${info.length < 4 ? 'at least 4' : 'at most 6'} arguments (${info.length} given)`);
        }
        const names: Field[] = ['filename', 'lineno', 'offset', 'text', 'end_lineno', 'end_offset'];
        info.forEach((v, i) => setField(e, names[i], v));
      } finally {
        for (const v of info) decref(v);
      }
    }
    return newRef(None);
  },
  __str__: (self) => {
    const e = self as PyBaseException;
    const msg = syntaxErrorField(e, 'msg');
    const filename = syntaxErrorField(e, 'filename');
    const lineno = syntaxErrorField(e, 'lineno');
    const base = filename instanceof PyStr ? filename.value.slice(filename.value.lastIndexOf('/') + 1) : null;
    const hasLine = lineno instanceof PyInt && lineno.ob_type === intType;
    const text = A.str(msg);
    if (base === null && !hasLine) return newStr(text);
    if (base !== null && hasLine) return newStr(`${text} (${base}, line ${A.str(lineno)})`);
    if (base !== null) return newStr(`${text} (${base})`);
    return newStr(`${text} (line ${A.str(lineno)})`);
  },
});

defineGetSets(
  E.SyntaxError,
  Object.fromEntries(
    FIELDS.map((name) => [
      name,
      [
        (self: PyObject) => newRef(syntaxErrorField(self as PyBaseException, name)),
        (self: PyObject, v: PyObject | null) => setField(self as PyBaseException, name, v),
      ],
    ]),
  ) as Parameters<typeof defineGetSets>[1],
);

/**
 * The Python SyntaxError (or IndentationError/TabError) for a front-end error in `source`
 * compiled as `filename`: args are (msg, (filename, lineno, offset, text, end_lineno, end_offset)).
 */
export function syntaxErrorFrom(error: PySyntaxError, filename: string, source: string | null): PyBaseException {
  const info = error.info;
  const type = info.type === 'SyntaxError' ? E.SyntaxError : info.type === 'IndentationError' ? E.IndentationError : E.builtinExceptionTypes().get('TabError')!;
  let text = info.text;
  if (text === null && source !== null && info.lineno >= 1) {
    const lines = source.split(/(?<=\n)/);
    text = lines[info.lineno - 1] ?? null;
  }
  const detail = newTupleSteal([
    newStr(filename), newInt(info.lineno), newInt(info.offset),
    text === null ? newRef(None) : newStr(text), newInt(info.end_lineno), newInt(info.end_offset),
  ]);
  const msg = newStr(info.msg);
  const e = newException(type, msg);
  decref(msg);
  const old = e.args;
  e.args = newTupleSteal([newRef(msg), detail]);
  decref(old);
  setField(e, 'msg', msg);
  const names: Field[] = ['filename', 'lineno', 'offset', 'text', 'end_lineno', 'end_offset'];
  detail.items.forEach((v, i) => setField(e, names[i], v));
  return e;
}
