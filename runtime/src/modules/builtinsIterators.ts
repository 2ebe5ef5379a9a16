// The builtin iterator classes (Python/bltinmodule.c's map/filter/zip, Objects/enumobject.c's
// enumerate/reversed) and the sequence iterator of Objects/iterobject.c that iter() makes for an
// object with only __getitem__. Each is a type with its own __new__, as in CPython, so
// isinstance(x, map) works, `class M(map)` subclasses it and type(map(f, xs)) is <class 'map'>.
// Instances are PyIterators (iterator.ts): the step closure is the type's tp_iternext.
//
// Argument errors follow CPython 3.11's vectorcall entry points word for word (enum_vectorcall,
// map_vectorcall, filter_vectorcall, reversed_vectorcall, zip_new).

import type { PyObject } from '../objects/pyobject';
import type { PyType } from '../objects/typeobject';
import { iteratorType, newIterator, newIteratorOfType } from '../objects/iterator';
import { defineNew, arity, splitArgs } from '../objects/define';
import { newIntValue, addValues, type IntValue } from '../objects/int';
import { newTupleSteal } from '../objects/tuple';
import { None } from '../objects/none';
import { boolType } from '../objects/bool';
import { dictType } from '../objects/dict';
import { newException, TypeError, ValueError, IndexError, StopIteration, PyBaseException } from '../objects/exceptions';
import * as A from '../objects/abstract';
import { newRef, decref } from '../memory/heap';

export const enumerateType = iteratorType('enumerate');
export const zipType = iteratorType('zip');
export const mapType = iteratorType('map');
export const filterType = iteratorType('filter');
export const reversedType = iteratorType('reversed');

function noKeywords(name: string, kwnames: string[] | null): void {
  if (kwnames !== null && kwnames.length > 0) throw newException(TypeError, `${name}() takes no keyword arguments`);
}

/** True when `e` is an IndexError or StopIteration: the end of a sequence walked by index. */
function endsSequence(e: unknown): boolean {
  return e instanceof PyBaseException && (e.ob_type.isSubtypeOf(IndexError) || e.ob_type.isSubtypeOf(StopIteration));
}

// ---------------------------------------------------------------- enumerate

function newEnumerate(cls: PyType, iterable: PyObject, startObj: PyObject | undefined): PyObject {
  // enum_new_impl converts start before it asks for the iterator.
  let i: IntValue = startObj === undefined ? 0 : A.indexValue(startObj);
  const it = A.getIter(iterable);
  const e = newIteratorOfType(cls, it, () => {
    const v = A.iterNext(it);
    if (v === null) return null;
    const idx = newIntValue(i);
    i = typeof i === 'number' && i < Number.MAX_SAFE_INTEGER ? i + 1 : addValues(i, 1);
    return newTupleSteal([idx, v]);
  });
  decref(it);
  return e;
}

/** enum_vectorcall: enumerate(iterable, start=0) parsed by hand, with its own messages. */
defineNew(enumerateType, (_s, args, kwnames) => {
  const cls = args[0] as PyType;
  const [pos, kw] = splitArgs(args.slice(1), kwnames);
  const names = [...kw.keys()];
  const given = pos.length + names.length;
  const invalid = (k: string) => newException(TypeError, `'${k}' is an invalid keyword argument for enumerate()`);
  if (given === 2) {
    if (names.length === 1 && names[0] !== 'start') throw invalid(names[0]);
    if (names.length === 2) {
      if (names[0] === 'start') {
        if (names[1] !== 'iterable') throw invalid(names[1]);
      } else {
        if (names[0] !== 'iterable') throw invalid(names[0]);
        if (names[1] !== 'start') throw invalid(names[1]);
      }
      return newEnumerate(cls, kw.get('iterable')!, kw.get('start'));
    }
    return newEnumerate(cls, pos[0], pos[1] ?? kw.get('start'));
  }
  if (given === 1) {
    if (names.length === 1 && names[0] !== 'iterable') throw invalid(names[0]);
    return newEnumerate(cls, pos[0] ?? kw.get('iterable')!, undefined);
  }
  if (pos.length === 0) throw newException(TypeError, "enumerate() missing required argument 'iterable'");
  throw newException(TypeError, `enumerate() takes at most 2 arguments (${given} given)`);
});

// ---------------------------------------------------------------- zip

/** zip_new: the only keyword is strict; zip_next's strict checks name the culprit argument. */
defineNew(zipType, (_s, args, kwnames) => {
  const cls = args[0] as PyType;
  const [pos, kw] = splitArgs(args.slice(1), kwnames);
  if (kw.size > 1) throw newException(TypeError, `zip() takes at most 1 keyword argument (${kw.size} given)`);
  for (const k of kw.keys()) if (k !== 'strict') throw newException(TypeError, `'${k}' is an invalid keyword argument for zip()`);
  const strict = kw.has('strict') && A.isTrue(kw.get('strict')!);
  const its: PyObject[] = [];
  try {
    for (const x of pos) its.push(A.getIter(x));
  } catch (e) {
    for (const it of its) decref(it);
    throw e;
  }
  const holder = newTupleSteal(its);
  const plural = (k: number) => (k === 1 ? ' 1' : `s 1-${k}`);
  const z = newIteratorOfType(cls, holder, () => {
    if (its.length === 0) return null;
    const items: PyObject[] = [];
    for (let k = 0; k < its.length; k++) {
      const v = A.iterNext(its[k]);
      if (v !== null) {
        items.push(v);
        continue;
      }
      for (const x of items) decref(x);
      if (!strict) return null;
      if (k > 0) throw newException(ValueError, `zip() argument ${k + 1} is shorter than argument${plural(k)}`);
      for (let j = 1; j < its.length; j++) {
        const extra = A.iterNext(its[j]);
        if (extra !== null) {
          decref(extra);
          throw newException(ValueError, `zip() argument ${j + 1} is longer than argument${plural(j)}`);
        }
      }
      return null;
    }
    return newTupleSteal(items);
  });
  decref(holder);
  return z;
});

// ---------------------------------------------------------------- map, filter

defineNew(mapType, (_s, args, kwnames) => {
  const cls = args[0] as PyType;
  if (cls === mapType) noKeywords('map', kwnames);
  const [pos] = splitArgs(args.slice(1), kwnames);
  if (pos.length < 2) throw newException(TypeError, 'map() must have at least two arguments.');
  const fn = pos[0];
  const its: PyObject[] = [];
  try {
    for (const x of pos.slice(1)) its.push(A.getIter(x));
  } catch (e) {
    for (const it of its) decref(it);
    throw e;
  }
  const holder = newTupleSteal([newRef(fn), ...its]);
  const r = newIteratorOfType(cls, holder, () => {
    const items: PyObject[] = [];
    for (const it of its) {
      const v = A.iterNext(it);
      if (v === null) {
        for (const x of items) decref(x);
        return null;
      }
      items.push(v);
    }
    try {
      return A.call(fn, items);
    } finally {
      for (const x of items) decref(x);
    }
  });
  decref(holder);
  return r;
});

defineNew(filterType, (_s, args, kwnames) => {
  const cls = args[0] as PyType;
  if (cls === filterType) noKeywords('filter', kwnames);
  const [pos] = splitArgs(args.slice(1), kwnames);
  arity('filter', pos, null, 2, 2);
  const fn = pos[0];
  const it = A.getIter(pos[1]);
  const holder = newTupleSteal([newRef(fn), it]);
  const r = newIteratorOfType(cls, holder, () => {
    for (;;) {
      const v = A.iterNext(it);
      if (v === null) return null;
      let keep: boolean;
      if (fn === None || fn === boolType) keep = A.isTrue(v);
      else {
        const t = A.call(fn, [v]);
        try {
          keep = A.isTrue(t);
        } finally {
          decref(t);
        }
      }
      if (keep) return v;
      decref(v);
    }
  });
  decref(holder);
  return r;
});

// ---------------------------------------------------------------- reversed

/** reversed_new_impl: __reversed__ (None means "not reversible"), else walk a sequence by index. */
defineNew(reversedType, (_s, args, kwnames) => {
  const cls = args[0] as PyType;
  if (cls === reversedType) noKeywords('reversed', kwnames);
  const [pos] = splitArgs(args.slice(1), kwnames);
  arity('reversed', pos, null, 1, 1);
  const seq = pos[0];
  const t = seq.ob_type;
  const m = t.lookup('__reversed__');
  if (m === None) throw newException(TypeError, `'${t.name}' object is not reversible`);
  if (m !== null) return A.callBound(m, seq, []);
  // PySequence_Check: __getitem__, and not a dict (whose __getitem__ is a mapping's).
  if (t.lookup('__getitem__') === null || t.isSubtypeOf(dictType)) {
    throw newException(TypeError, `'${t.name}' object is not reversible`);
  }
  let index = A.length(seq) - 1;
  return newIteratorOfType(cls, seq, () => {
    if (index < 0) return null;
    const k = newIntValue(index);
    try {
      const v = A.getItem(seq, k);
      index--;
      return v;
    } catch (e) {
      if (!endsSequence(e)) throw e;
      decref(e as PyObject);
      index = -1;
      return null;
    } finally {
      decref(k);
    }
  }, () => Math.min(index + 1, A.length(seq)));
});

// ---------------------------------------------------------------- the sequence iterator

/** iter(obj) for an object with __getitem__ but no __iter__: obj[0], obj[1], ... until IndexError. */
A.setSequenceIterator((seq) => {
  let index = 0;
  return newIterator('iterator', seq, () => {
    const k = newIntValue(index);
    try {
      const v = A.getItem(seq, k);
      index++;
      return v;
    } catch (e) {
      if (!endsSequence(e)) throw e;
      decref(e as PyObject);
      return null;
    } finally {
      decref(k);
    }
  });
});
