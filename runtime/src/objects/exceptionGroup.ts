// BaseExceptionGroup / ExceptionGroup (PEP 654, Objects/exceptions.c): a message and a tuple of
// exceptions; split()/subgroup() by type, tuple of types or predicate; derive(); and the two
// helpers behind `except*` (CHECK_EG_MATCH's match and PREP_RERAISE_STAR's merge).
//
// Invariants: `extra` holds the pair (message, exceptions tuple); args stays what the caller
// passed (so repr shows the original list); BaseExceptionGroup(...) of only Exceptions is an
// ExceptionGroup, as in CPython's BaseExceptionGroup_new.

import type { PyObject } from './pyobject';
import { PyType, computeMro } from './typeobject';
import { PyStr, newStr } from './str';
import { PyTuple, newTuple, newTupleSteal } from './tuple';
import { PyList, newListSteal } from './list';
import { None } from './none';
import { defineNew, defineMethods, defineGetSets, defineClassMethods, splitArgs } from './define';
import * as E from './exceptions';
import { newException, PyBaseException } from './exceptions';
import * as A from './abstract';
import { newRef, decref, xdecref } from '../memory/heap';

export function isExceptionGroup(o: PyObject): o is PyBaseException {
  return o instanceof PyBaseException && o.ob_type.isSubtypeOf(E.BaseExceptionGroup);
}

function parts(eg: PyBaseException): [PyObject, PyTuple] {
  const pair = eg.extra as PyTuple | null;
  if (pair === null) return [newStr(''), newTuple([])];
  return [pair.items[0], pair.items[1] as PyTuple];
}

/** The sub-exceptions (borrowed). */
export function groupExceptions(eg: PyBaseException): PyObject[] {
  return parts(eg)[1].items;
}

export function groupMessage(eg: PyBaseException): string {
  const m = parts(eg)[0];
  return m instanceof PyStr ? m.value : A.str(m);
}

/** A new exception group of `cls` (BaseExceptionGroup_new's checks; borrowed arguments). */
function makeGroup(cls: PyType, message: PyObject, excsArg: PyObject): PyBaseException {
  if (!(message instanceof PyStr)) throw newException(E.TypeError, `BaseExceptionGroup.__new__() argument 1 must be str, not ${A.typeName(message)}`);
  if (excsArg.ob_type.lookup('__getitem__') === null || excsArg.ob_type.lookup('__len__') === null || excsArg instanceof PyStr) {
    throw newException(E.TypeError, 'second argument (exceptions) must be a sequence');
  }
  const items = A.toArray(excsArg);
  try {
    if (items.length === 0) throw newException(E.ValueError, 'second argument (exceptions) must be a non-empty sequence');
    let nestedBase = false;
    items.forEach((x, i) => {
      if (!(x instanceof PyBaseException)) throw newException(E.ValueError, `Item ${i} of second argument (exceptions) is not an exception`);
      if (!x.ob_type.isSubtypeOf(E.Exception)) nestedBase = true;
    });
    if (cls === E.BaseExceptionGroup) {
      if (!nestedBase) cls = E.ExceptionGroup;
    } else if (cls === E.ExceptionGroup) {
      if (nestedBase) throw newException(E.TypeError, 'Cannot nest BaseExceptions in an ExceptionGroup');
    } else if (nestedBase && cls.isSubtypeOf(E.Exception)) {
      throw newException(E.TypeError, `Cannot nest BaseExceptions in '${cls.name}'`);
    }
  } catch (e) {
    for (const x of items) decref(x);
    throw e;
  }
  const eg = cls.newInstance!(cls) as PyBaseException;
  eg.args = newTuple([message, excsArg]);
  eg.extra = newTupleSteal([newRef(message), newTupleSteal(items)]);
  return eg;
}

/** `eg.derive(excs)` through the method, so subclasses that override derive are honoured. */
function derive(eg: PyBaseException, excs: PyObject[]): PyBaseException {
  const list = newListSteal(excs.map((x) => newRef(x)));
  try {
    const r = A.callMethod(eg, 'derive', [list]);
    if (!isExceptionGroup(r)) {
      decref(r);
      throw newException(E.TypeError, 'derive must return an instance of BaseExceptionGroup');
    }
    return r;
  } finally {
    decref(list);
  }
}

/** Copy __traceback__, __context__, __cause__ and __notes__ onto a split part. */
function copyMetadata(from: PyBaseException, to: PyBaseException): void {
  xdecref(to.traceback); to.traceback = from.traceback && newRef(from.traceback);
  xdecref(to.context); to.context = from.context && newRef(from.context);
  xdecref(to.cause); to.cause = from.cause && newRef(from.cause);
  to.suppressContext = from.suppressContext;
  if (from.notes !== null) {
    xdecref(to.notes);
    to.notes = newListSteal(A.toArray(from.notes));
  }
}

type Matcher = (leaf: PyBaseException) => boolean;

function matcherFor(cond: PyObject): Matcher {
  if (cond instanceof PyType && cond.isSubtypeOf(E.BaseException)) return (e) => e.ob_type.isSubtypeOf(cond);
  if (cond instanceof PyTuple && cond.items.every((t) => t instanceof PyType && t.isSubtypeOf(E.BaseException))) {
    return (e) => cond.items.some((t) => e.ob_type.isSubtypeOf(t as PyType));
  }
  if (cond.ob_type.lookup('__call__') !== null && !(cond instanceof PyType)) {
    return (e) => {
      const r = A.call(cond, [e]);
      try { return A.isTrue(r); } finally { decref(r); }
    };
  }
  throw newException(E.TypeError, 'expected a function, exception type or tuple of exception types');
}

/** exceptiongroup_split_recursive: [match, rest] (new references or null). */
function splitRecursive(exc: PyBaseException, match: Matcher, wantRest: boolean): [PyBaseException | null, PyBaseException | null] {
  if (match(exc)) return [newRef(exc), null];
  if (!isExceptionGroup(exc)) return [null, wantRest ? newRef(exc) : null];
  const matched: PyBaseException[] = [];
  const rest: PyBaseException[] = [];
  try {
    for (const sub of groupExceptions(exc)) {
      const [m, r] = splitRecursive(sub as PyBaseException, match, wantRest);
      if (m !== null) matched.push(m);
      if (r !== null) rest.push(r);
    }
    const build = (list: PyBaseException[]): PyBaseException | null => {
      if (list.length === 0) return null;
      const g = derive(exc, list);
      copyMetadata(exc, g);
      return g;
    };
    return [build(matched), wantRest ? build(rest) : null];
  } finally {
    for (const x of matched) decref(x);
    for (const x of rest) decref(x);
  }
}

function orNone(e: PyBaseException | null): PyObject {
  return e ?? newRef(None);
}

// class ExceptionGroup(BaseExceptionGroup, Exception): the second base is what lets
// `except Exception` catch it.
E.ExceptionGroup.bases = [E.BaseExceptionGroup, E.Exception];
E.ExceptionGroup.mro = computeMro(E.ExceptionGroup);

defineNew(E.BaseExceptionGroup, (_s, args, kwnames) => {
  const [pos] = splitArgs(args, kwnames);
  const cls = pos[0] as PyType;
  if (kwnames !== null && kwnames.length > 0) throw newException(E.TypeError, `${cls.name}() takes no keyword arguments`);
  if (pos.length !== 3) throw newException(E.TypeError, `BaseExceptionGroup.__new__() takes exactly 2 arguments (${pos.length - 1} given)`);
  return makeGroup(cls, pos[1], pos[2]);
});

defineMethods(E.BaseExceptionGroup, {
  __init__: () => newRef(None),
  __str__: (self) => {
    const n = groupExceptions(self as PyBaseException).length;
    return newStr(`${groupMessage(self as PyBaseException)} (${n} sub-exception${n === 1 ? '' : 's'})`);
  },
  derive: (self, args) => {
    const [message] = parts(self as PyBaseException);
    return makeGroup(E.BaseExceptionGroup, message, args[0]);
  },
  split: (self, args) => {
    const [m, r] = splitRecursive(self as PyBaseException, matcherFor(args[0]), true);
    return newTupleSteal([orNone(m), orNone(r)]);
  },
  subgroup: (self, args) => {
    const [m] = splitRecursive(self as PyBaseException, matcherFor(args[0]), false);
    return orNone(m);
  },
});
defineClassMethods(E.BaseExceptionGroup, {
  __class_getitem__: (cls) => newRef(cls),
});
defineGetSets(E.BaseExceptionGroup, {
  message: [(self) => newRef(parts(self as PyBaseException)[0])],
  exceptions: [(self) => newRef(parts(self as PyBaseException)[1])],
});

// ---------------------------------------------------------------- except*

/**
 * CHECK_EG_MATCH's exception_group_match: [match, rest], each a new reference to an exception
 * or None. A naked exception that matches is wrapped in an ExceptionGroup('', [exc]).
 */
export function exceptionGroupMatch(exc: PyObject, matchType: PyObject, wrapTraceback: PyObject | null): [PyObject, PyObject] {
  if (exc === None) return [newRef(None), newRef(None)];
  if (A.isSubclass(exc.ob_type, matchType)) {
    if (isExceptionGroup(exc)) return [newRef(exc), newRef(None)];
    const empty = newStr('');
    const one = newTuple([exc]);
    let wrapped: PyBaseException;
    try {
      wrapped = makeGroup(E.BaseExceptionGroup, empty, one);
    } finally {
      decref(empty);
      decref(one);
    }
    if (wrapTraceback !== null) wrapped.traceback = newRef(wrapTraceback);
    return [wrapped, newRef(None)];
  }
  if (isExceptionGroup(exc)) {
    const [m, r] = splitRecursive(exc, matcherFor(matchType), true);
    return [orNone(m), orNone(r)];
  }
  return [newRef(None), newRef(None)];
}

/** except* rejects ExceptionGroup types (check_except_star_type_valid). */
export function checkExceptStarType(t: PyObject): void {
  const types = t instanceof PyTuple ? t.items : [t];
  for (const x of types) {
    if (!(x instanceof PyType) || !x.isSubtypeOf(E.BaseException)) {
      throw newException(E.TypeError, 'catching classes that do not inherit from BaseException is not allowed');
    }
    if (x.isSubtypeOf(E.BaseExceptionGroup)) {
      throw newException(E.TypeError, 'catching ExceptionGroup with except* is not allowed. Use except instead.');
    }
  }
}

function collectLeafIds(e: PyObject, ids: Set<PyObject>): void {
  if (e === None) return;
  if (!isExceptionGroup(e)) {
    ids.add(e);
    return;
  }
  for (const sub of groupExceptions(e)) collectLeafIds(sub, ids);
}

function sameMetadata(a: PyBaseException, b: PyBaseException): boolean {
  return a.notes === b.notes && a.traceback === b.traceback && a.cause === b.cause && a.context === b.context;
}

/**
 * PREP_RERAISE_STAR (_PyExc_PrepReraiseStar): what leaves a try/except* — the exceptions the
 * handlers raised plus the unhandled part of the original group (None when nothing is left).
 */
export function prepReraiseStar(orig: PyObject, excs: PyList): PyObject {
  const list = excs.items;
  if (list.length === 0) return newRef(None);
  if (!isExceptionGroup(orig)) return newRef(list[0]);
  const raised: PyObject[] = [];
  const reraised: PyObject[] = [];
  for (const e of list) {
    if (e === None) continue;
    if (sameMetadata(e as PyBaseException, orig)) reraised.push(e);
    else raised.push(e);
  }
  // The re-raised leaves, projected onto the original group's shape.
  const keep = new Set<PyObject>();
  for (const e of reraised) collectLeafIds(e, keep);
  let reraisedEg: PyObject = newRef(None);
  if (keep.size > 0) {
    const [m] = splitRecursive(orig, (leaf) => keep.has(leaf), false);
    if (m !== null) { decref(reraisedEg); reraisedEg = m; }
  }
  if (raised.length === 0) return reraisedEg;
  const all = raised.map((x) => newRef(x));
  if (reraisedEg !== None) all.push(reraisedEg);
  else decref(reraisedEg);
  if (all.length > 1) {
    const l = newListSteal(all);
    const empty = newStr('');
    try {
      return makeGroup(E.BaseExceptionGroup, empty, l);
    } finally {
      decref(l);
      decref(empty);
    }
  }
  return all[0];
}
