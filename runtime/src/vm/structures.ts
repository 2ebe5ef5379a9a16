// Building, unpacking and matching helpers of the eval loop: LIST_EXTEND, DICT_UPDATE/MERGE,
// UNPACK_SEQUENCE/UNPACK_EX, BEFORE_WITH and the pattern-matching instructions (MATCH_KEYS,
// MATCH_CLASS, MATCH_MAPPING/SEQUENCE), with CPython's error messages.

import type { PyObject } from '../objects/pyobject';
import { PyType } from '../objects/typeobject';
import { decref, newRef } from '../memory/heap';
import { None } from '../objects/none';
import { PyStr } from '../objects/str';
import { PyTuple, newTupleSteal, tupleType } from '../objects/tuple';
import { PyList, newListSteal, listType, listExtended } from '../objects/list';
import { lengthHint } from '../objects/sequenceMethods';
import { PyDict } from '../objects/dict';
import * as E from '../objects/exceptions';
import { newException } from '../objects/exceptions';
import * as A from '../objects/abstract';
import { Frame } from './frame';
import type { Interpreter } from './interpreter';
import { funcDescription, frameForCall, pushFrame } from './calls';
import { PyFunction } from '../objects/function';

export function listExtend(interp: Interpreter, list: PyList, iterable: PyObject): void {
  const oldsize = list.items.length;
  if (iterable.ob_type === listType || iterable.ob_type === tupleType) {
    for (const v of (iterable as PyList).items) {
      v.ob_refcnt++;
      list.items.push(v);
    }
    listExtended(list, oldsize, true, 0);
    return;
  }
  const t = iterable.ob_type;
  if (t.lookup('__iter__') === null && t.lookup('__getitem__') === null) {
    throw newException(E.TypeError, `Value after * must be an iterable, not ${t.name}`);
  }
  const hint = lengthHint(iterable);
  for (const v of A.toArray(iterable)) list.items.push(v);
  listExtended(list, oldsize, false, hint);
}

/** The callable of a CALL_FUNCTION_EX being built: DICT_MERGE's dict sits two slots above it. */
function mergeTarget(f: Frame, d: PyDict): PyObject | null {
  const i = f.stack.lastIndexOf(d, f.sp - 1);
  return i >= 2 ? f.stack[i - 2] : null;
}

export function dictUpdate(interp: Interpreter, d: PyDict, other: PyObject, merge: boolean, f: Frame): void {
  if (!(other instanceof PyDict)) {
    if (other.ob_type.lookup('keys') === null) {
      if (merge) {
        const func = mergeTarget(f, d);
        throw newException(E.TypeError, `${func ? funcDescription(func) : 'function'} argument after ** must be a mapping, not ${A.typeName(other)}`);
      }
      throw newException(E.TypeError, `'${A.typeName(other)}' object is not a mapping`);
    }
    const keys = A.callMethod(other, 'keys', []);
    try {
      A.forEach(keys, (k) => {
        const v = A.getItem(other, k);
        d.set(k, v);
        decref(v);
      });
    } finally {
      decref(keys);
    }
    return;
  }
  for (const [k, v] of other.entries()) {
    if (merge && d.findIndex(k) >= 0) {
      const func = mergeTarget(f, d);
      throw newException(E.TypeError, `${func ? funcDescription(func) : 'function'} got multiple values for keyword argument '${A.str(k)}'`);
    }
    d.set(k, v);
  }
}

export function unpackSequence(interp: Interpreter, f: Frame, seq: PyObject, n: number): void {
  const stack = f.stack;
  let items: PyObject[];
  if ((seq.ob_type === tupleType || seq.ob_type === listType) && (seq as PyTuple).items.length === n) {
    items = (seq as PyTuple).items;
    for (let i = n - 1; i >= 0; i--) {
      items[i].ob_refcnt++;
      stack[f.sp++] = items[i];
    }
    decref(seq);
    return;
  }
  try {
    items = collectForUnpack(interp, seq, n, -1);
  } finally {
    decref(seq);
  }
  for (let i = n - 1; i >= 0; i--) stack[f.sp++] = items[i];
}

export function collectForUnpack(interp: Interpreter, seq: PyObject, before: number, after: number): PyObject[] {
  const t = seq.ob_type;
  if (t.lookup('__iter__') === null && t.lookup('__getitem__') === null) {
    throw newException(E.TypeError, `cannot unpack non-iterable ${t.name} object`);
  }
  const it = A.getIter(seq);
  const out: PyObject[] = [];
  try {
    if (after < 0) {
      for (let i = 0; i < before; i++) {
        const v = A.iterNext(it);
        if (v === null) throw newException(E.ValueError, `not enough values to unpack (expected ${before}, got ${i})`);
        out.push(v);
      }
      const extra = A.iterNext(it);
      if (extra !== null) {
        decref(extra);
        // 3.11 names no count here (3.12 added ", got N" for lists and tuples).
        throw newException(E.ValueError, `too many values to unpack (expected ${before})`);
      }
      return out;
    }
    for (let v = A.iterNext(it); v !== null; v = A.iterNext(it)) out.push(v);
    if (out.length < before + after) {
      throw newException(E.ValueError, `not enough values to unpack (expected at least ${before + after}, got ${out.length})`);
    }
    return out;
  } catch (e) {
    for (const v of out) decref(v);
    throw e;
  } finally {
    decref(it);
  }
}

export function unpackEx(interp: Interpreter, f: Frame, seq: PyObject, before: number, after: number): void {
  let items: PyObject[];
  try {
    items = collectForUnpack(interp, seq, before, after);
  } finally {
    decref(seq);
  }
  const stack = f.stack;
  const middle = newListSteal(items.slice(before, items.length - after));
  const result = [...items.slice(0, before), middle, ...items.slice(items.length - after)];
  for (let i = result.length - 1; i >= 0; i--) stack[f.sp++] = result[i];
}

export function beforeWith(interp: Interpreter, f: Frame): Frame | null {
  const stack = f.stack;
  const mgr = stack[f.sp - 1]!;
  const type = mgr.ob_type;
  const enter = type.lookup('__enter__');
  if (enter === null) {
    throw newException(E.TypeError, `'${type.name}' object does not support the context manager protocol`);
  }
  const exitDescr = type.lookup('__exit__');
  if (exitDescr === null) {
    throw newException(E.TypeError, `'${type.name}' object does not support the context manager protocol (missed __exit__ method)`);
  }
  const exit = A.descrGet(exitDescr, mgr, type);
  if (enter instanceof PyFunction && !enter.code.isGenerator && !enter.code.isCoroutine) {
    // A Python __enter__ runs in this loop, as a CALL would: it can switch threads and block.
    const nf = frameForCall(interp, enter, [mgr], null);
    stack[f.sp - 1] = exit;
    decref(mgr);
    pushFrame(interp, nf);
    return nf;
  }
  // The stack changes only once __enter__ returned, so a blocked __enter__ (a lock) can rerun.
  let r: PyObject;
  try {
    r = A.callBound(enter, mgr, []);
  } catch (e) {
    decref(exit);
    throw e;
  }
  stack[f.sp - 1] = exit;
  stack[f.sp++] = r;
  decref(mgr);
  return null;
}

export function matchKeys(interp: Interpreter, f: Frame): void {
  const stack = f.stack;
  const keys = stack[f.sp - 1] as PyTuple;
  const subject = stack[f.sp - 2]!;
  const values: PyObject[] = [];
  for (const k of keys.items) {
    let v: PyObject | null = null;
    if (subject instanceof PyDict) {
      const x = subject.get(k);
      if (x !== undefined) v = newRef(x);
    } else {
      try {
        v = A.callMethod(subject, 'get', [k, missingSentinel(interp)]);
        if (v === missingSentinel(interp)) {
          decref(v);
          v = null;
        }
      } catch (e) {
        for (const x of values) decref(x);
        throw e;
      }
    }
    if (v === null) {
      for (const x of values) decref(x);
      stack[f.sp++] = newRef(None);
      return;
    }
    values.push(v);
  }
  stack[f.sp++] = newTupleSteal(values);
}

export function missingSentinel(interp: Interpreter): PyObject {
  return (interp.sentinel ??= A.call(E.BaseException.mro[1], []));
}

export function matchClass(interp: Interpreter, f: Frame, nargs: number): void {
  const stack = f.stack;
  const names = stack[--f.sp] as PyTuple;
  stack[f.sp] = null;
  const cls = stack[--f.sp]!;
  stack[f.sp] = null;
  const subject = stack[f.sp - 1]!;
  try {
    if (!(cls instanceof PyType)) throw newException(E.TypeError, 'called match pattern must be a type');
    if (!A.isInstance(subject, cls)) {
      stack[f.sp - 1] = newRef(None);
      decref(subject);
      return;
    }
    const attrs: PyObject[] = [];
    const seen = new Set<string>();
    const getOne = (name: string): boolean => {
      if (seen.has(name)) throw newException(E.TypeError, `${cls.name}() got multiple sub-patterns for attribute '${name}'`);
      seen.add(name);
      const v = A.getAttrOrNull(subject, name);
      if (v === null) return false;
      attrs.push(v);
      return true;
    };
    let ok = true;
    if (nargs > 0) {
      const matchArgs = A.typeGetAttr(cls, '__match_args__');
      const selfMatch = ['bool', 'bytearray', 'bytes', 'dict', 'float', 'frozenset', 'int', 'list', 'set', 'str', 'tuple'].includes(cls.name) && !cls.isHeapType;
      if (matchArgs === null) {
        if (selfMatch && nargs === 1) {
          attrs.push(newRef(subject));
        } else if (nargs > 0) {
          throw newException(E.TypeError, `${cls.name}() accepts 0 positional sub-patterns (${nargs} given)`);
        }
      } else {
        const items = (matchArgs as PyTuple).items;
        decref(matchArgs);
        if (nargs > items.length) throw newException(E.TypeError, `${cls.name}() accepts ${items.length} positional sub-pattern${items.length === 1 ? '' : 's'} (${nargs} given)`);
        for (let i = 0; i < nargs && ok; i++) ok = getOne((items[i] as PyStr).value);
      }
    }
    for (const n of names.items) if (ok) ok = getOne((n as PyStr).value);
    if (!ok) {
      for (const a of attrs) decref(a);
      stack[f.sp - 1] = newRef(None);
    } else stack[f.sp - 1] = newTupleSteal(attrs);
    decref(subject);
  } finally {
    decref(names);
    decref(cls);
  }
}

export function matchKind(subject: PyObject, mapping: boolean): boolean {
  const t = subject.ob_type;
  if (mapping) return subject instanceof PyDict || t.lookup('keys') !== null && t.lookup('__getitem__') !== null && t.name !== 'str';
  if (subject instanceof PyStr || t.name === 'bytes' || t.name === 'bytearray' || subject instanceof PyDict) return false;
  return subject instanceof PyList || subject instanceof PyTuple || t.name === 'range' || (t.lookup('__getitem__') !== null && t.lookup('__len__') !== null && t.isHeapType && t.lookup('keys') === null);
}
