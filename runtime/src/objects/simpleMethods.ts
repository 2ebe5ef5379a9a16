// Python-visible methods of the small types: None/NotImplemented/Ellipsis, range, slice, bytes,
// the builtin iterators, and the exception hierarchy (Objects/exceptions.c).

import type { PyObject } from './pyobject';
import { PyType } from './typeobject';
import { noneType, notImplementedType, ellipsisType, None, NotImplemented, Ellipsis } from './none';
import { PyRange, rangeType, newRange, newRangeIterator, PyRangeIterator, rangeIteratorType, big, normalized } from './range';
import { PySlice, sliceType, newSliceSteal, adjustIndices } from './slice';
import { PyBytes, bytesType, bytearrayType, newBytes } from './bytes';
import { PyIterator, onIteratorTypeCreated, iteratorHasLengthHint } from './iterator';
import { PyInt, newInt, newIntValue, newBigInt, toBig, intType, type IntValue } from './int';
import { newBool, boolType } from './bool';
import { PyStr, newStr } from './str';
import { PyTuple, newTuple, newTupleSteal } from './tuple';
import { newListSteal } from './list';
import { newDict } from './dict';
import { defineMethods, defineGetSets, defineNew, splitArgs, arity } from './define';
import * as E from './exceptions';
import { PyBaseException, newException } from './exceptions';
import * as A from './abstract';
import { newRef, decref, xdecref, track } from '../memory/heap';
import { reprBytes } from '../text/repr';
import { sliceIndices } from './sequenceMethods';
import { newIterator } from './iterator';

defineMethods(noneType, {
  __repr__: () => newStr('None'),
  __bool__: () => newBool(false),
});
defineMethods(notImplementedType, {
  __repr__: () => newStr('NotImplemented'),
  __bool__: () => {
    A.callSupport.warn(E.DeprecationWarning, 'NotImplemented should not be used in a boolean context');
    return newBool(true);
  },
});
defineMethods(ellipsisType, { __repr__: () => newStr('Ellipsis') });
// none_new / notimplemented_new / ellipsis_new: calling the type gives back the singleton, and
// refuses arguments naming the type as CPython does ("EllipsisType", not "ellipsis").
for (const [type, singleton, shownName] of [[noneType, None, 'NoneType'], [notImplementedType, NotImplemented, 'NotImplementedType'],
  [ellipsisType, Ellipsis, 'EllipsisType']] as const) {
  defineNew(type, (_s, args, kwnames) => {
    if (args.length > 1 || (kwnames !== null && kwnames.length > 0)) throw newException(E.TypeError, `${shownName} takes no arguments`);
    return newRef(singleton);
  });
  // They have no docstring (tp_doc NULL): None.__doc__ is None, not object's.
  type.setAttr('__doc__', None);
}

// ---------------------------------------------------------------- range

const C_LONG_MAX = 2n ** 63n - 1n;

/** A C ssize_t from a length (len() of a range), with CPython's overflow. */
function ssize(v: IntValue): number {
  if (typeof v === 'bigint' || v > Number.MAX_SAFE_INTEGER) {
    if (big(v) > C_LONG_MAX) throw newException(E.OverflowError, 'Python int too large to convert to C ssize_t');
  }
  return Number(v);
}

function rangeArg(a: PyObject): IntValue {
  return A.indexValue(a);
}

defineNew(rangeType, (_s, args, kwnames) => {
  if (kwnames !== null && kwnames.length > 0) throw newException(E.TypeError, 'range() takes no keyword arguments');
  const n = args.length - 1;
  if (n === 0) throw newException(E.TypeError, 'range expected at least 1 argument, got 0');
  if (n > 3) throw newException(E.TypeError, `range expected at most 3 arguments, got ${n}`);
  if (n === 1) return newRange(0, rangeArg(args[1]), 1);
  const start = rangeArg(args[1]);
  const stop = rangeArg(args[2]);
  const step = n === 3 ? rangeArg(args[3]) : 1;
  if (step === 0 || step === 0n) throw newException(E.ValueError, 'range() arg 3 must not be zero');
  return newRange(start, stop, step);
});

/** The bigint iterator of a range beyond safe numbers ('longrange_iterator' past a C long). */
function longRangeIterator(source: PyObject, first: bigint, step: bigint, count: bigint, fitsCLong: boolean): PyObject {
  let next = first;
  let left = count;
  return newIterator(fitsCLong ? 'range_iterator' : 'longrange_iterator', source, () => {
    if (left <= 0n) return null;
    const v = next;
    next += step;
    left--;
    return newIntValue(normalized(v));
  }, () => Number(left));
}

function fitsCLong(...vs: bigint[]): boolean {
  return vs.every((v) => v <= C_LONG_MAX && v >= -C_LONG_MAX - 1n);
}

/** range_contains_long: an int is in the range when it lies between the ends on the step's grid. */
function rangeContainsInt(r: PyRange, x: IntValue): boolean {
  if (r.small && typeof x === 'number') {
    const start = r.start as number, stop = r.stop as number, step = r.step as number;
    if (step > 0 ? x < start || x >= stop : x > start || x <= stop) return false;
    return (x - start) % step === 0;
  }
  const start = big(r.start), stop = big(r.stop), step = big(r.step), v = big(x);
  if (step > 0n ? v < start || v >= stop : v > start || v <= stop) return false;
  return (v - start) % step === 0n;
}

/** PyLong_CheckExact || PyBool_Check: the values range compares arithmetically. */
function isExactIntOrBool(o: PyObject): o is PyInt {
  return o instanceof PyInt && (o.ob_type === intType || o.ob_type === boolType);
}

/** _PySequence_IterSearch over the range's items: count, index or contains for a non-int. */
function rangeSearch(r: PyRange, x: PyObject, stopAtFirst: boolean): [number, number] {
  const it = A.getIter(r);
  let count = 0, index = -1, i = 0;
  try {
    for (let v = A.iterNext(it); v !== null; v = A.iterNext(it), i++) {
      let eq: boolean;
      try { eq = A.compareBool(v, x, A.EQ); } finally { decref(v); }
      if (!eq) continue;
      if (index < 0) index = i;
      count++;
      if (stopAtFirst) break;
    }
  } finally {
    decref(it);
  }
  return [count, index];
}

defineMethods(rangeType, {
  __len__: (self) => newInt(ssize((self as PyRange).length)),
  __bool__: (self) => { const n = (self as PyRange).length; return newBool(n !== 0); },
  __iter__: (self) => {
    const r = self as PyRange;
    if (r.small) return newRangeIterator(r);
    const start = big(r.start), step = big(r.step), n = big(r.length);
    return longRangeIterator(self, start, step, n, fitsCLong(start, big(r.stop), step, n));
  },
  __reversed__: (self) => {
    const r = self as PyRange;
    const n = r.length;
    if (r.small) return track(new PyRangeIterator((r.start as number) + ((n as number) - 1) * (r.step as number), -(r.step as number), n as number), 48);
    const bn = big(n), step = big(r.step), last = big(r.start) + (bn - 1n) * step;
    return longRangeIterator(self, last, -step, bn, fitsCLong(big(r.start), big(r.stop), step, bn, last - step));
  },
  __getitem__: (self, args) => {
    const r = self as PyRange;
    const key = args[0];
    if (key instanceof PySlice) {
      const [lo, hi, step] = sliceLongIndices(key, big(r.length));
      return newRange(r.item(normalized(lo)), r.item(normalized(hi)), normalized(step * big(r.step)));
    }
    if (!(key instanceof PyInt) && key.ob_type.lookup('__index__') === null) {
      throw newException(E.TypeError, `range indices must be integers or slices, not ${A.typeName(key)}`);
    }
    const n = r.length;
    let i = A.indexValue(key);
    if (typeof i === 'number' && typeof n === 'number') {
      if (i < 0) i += n;
      if (i < 0 || i >= n) throw newException(E.IndexError, 'range object index out of range');
    } else {
      let bi = big(i);
      if (bi < 0n) bi += big(n);
      if (bi < 0n || bi >= big(n)) throw newException(E.IndexError, 'range object index out of range');
      i = normalized(bi);
    }
    return newIntValue(r.item(i));
  },
  __contains__: (self, args) => {
    const r = self as PyRange;
    const x = args[0];
    if (isExactIntOrBool(x)) return newBool(rangeContainsInt(r, x.value));
    return newBool(rangeSearch(r, x, true)[0] > 0);
  },
  __repr__: (self) => {
    const r = self as PyRange;
    const one = r.step === 1;
    return newStr(one ? `range(${r.start}, ${r.stop})` : `range(${r.start}, ${r.stop}, ${r.step})`);
  },
  __eq__: (self, args) => {
    const o = args[0];
    if (!(o instanceof PyRange)) return newRef(NotImplemented);
    return newBool(rangeEquals(self as PyRange, o));
  },
  __ne__: (self, args) => {
    const o = args[0];
    if (!(o instanceof PyRange)) return newRef(NotImplemented);
    return newBool(!rangeEquals(self as PyRange, o));
  },
  // range_hash: the hash of (len, start, step), with None for what does not tell ranges apart.
  __hash__: (self) => {
    const r = self as PyRange;
    const n = r.length;
    const t = newTupleSteal([newIntValue(n), n === 0 ? newRef(None) : newIntValue(r.start), n === 0 || n === 1 ? newRef(None) : newIntValue(r.step)]);
    try {
      return newIntValue(A.hashFull(t));
    } finally {
      decref(t);
    }
  },
  index: (self, args, kwnames) => {
    arity('index', args, kwnames, 1, 1);
    const r = self as PyRange;
    const x = args[0];
    if (isExactIntOrBool(x)) {
      if (!rangeContainsInt(r, x.value)) throw newException(E.ValueError, `${A.repr(x)} is not in range`);
      return newIntValue(normalized((big(x.value) - big(r.start)) / big(r.step)));
    }
    const [, index] = rangeSearch(r, x, true);
    if (index < 0) throw newException(E.ValueError, 'sequence.index(x): x not in sequence');
    return newInt(index);
  },
  count: (self, args, kwnames) => {
    arity('count', args, kwnames, 1, 1);
    const r = self as PyRange;
    const x = args[0];
    if (isExactIntOrBool(x)) return newInt(rangeContainsInt(r, x.value) ? 1 : 0);
    return newInt(rangeSearch(r, x, false)[0]);
  },
  __reduce__: (self) => {
    const r = self as PyRange;
    return newTupleSteal([newRef(rangeType), newTupleSteal([newIntValue(r.start), newIntValue(r.stop), newIntValue(r.step)])]);
  },
});

/** range_equals: same length, and (when not empty) the same first item and (when longer than one) step. */
function rangeEquals(a: PyRange, b: PyRange): boolean {
  const la = a.length, lb = b.length;
  if (big(la) !== big(lb)) return false;
  if (la === 0) return true;
  if (big(a.start) !== big(b.start)) return false;
  return la === 1 || big(a.step) === big(b.step);
}

defineGetSets(rangeType, {
  start: [(self) => newIntValue((self as PyRange).start)],
  stop: [(self) => newIntValue((self as PyRange).stop)],
  step: [(self) => newIntValue((self as PyRange).step)],
});
defineMethods(rangeIteratorType, {
  __iter__: (self) => newRef(self),
  __next__: (self) => {
    const it = self as PyRangeIterator;
    if (it.remaining <= 0) throw newException(E.StopIteration);
    const v = it.next;
    it.next += it.step;
    it.remaining--;
    return newInt(v);
  },
  __length_hint__: (self) => newInt(Math.max(0, (self as PyRangeIterator).remaining)),
});

// ---------------------------------------------------------------- slice

defineNew(sliceType, (_s, args, kwnames) => {
  const a = args.slice(1);
  if (kwnames !== null && kwnames.length > 0) throw newException(E.TypeError, 'slice() takes no keyword arguments');
  arity('slice', a, null, 1, 3);
  if (a.length === 1) return newSliceSteal(newRef(None), newRef(a[0]), newRef(None));
  return newSliceSteal(newRef(a[0]), newRef(a[1]), newRef(a[2] ?? None));
});

const SLICE_INDEX_ERROR = 'slice indices must be integers or None or have an __index__ method';

/** _PySlice_GetLongIndices: (start, stop, step) for a sequence of `length`, in arbitrary precision. */
function sliceLongIndices(s: PySlice, length: bigint): [bigint, bigint, bigint] {
  const step = s.step === None ? 1n : toBig(A.indexValue(s.step, SLICE_INDEX_ERROR));
  if (step === 0n) throw newException(E.ValueError, 'slice step cannot be zero');
  const negative = step < 0n;
  const lower = negative ? -1n : 0n;
  const upper = negative ? lower + length : length;
  const clamp = (o: PyObject, dflt: bigint): bigint => {
    if (o === None) return dflt;
    let v = toBig(A.indexValue(o, SLICE_INDEX_ERROR));
    if (v < 0n) {
      v += length;
      if (v < lower) v = lower;
    } else if (v > upper) v = upper;
    return v;
  };
  const start = clamp(s.start, negative ? upper : lower);
  const stop = clamp(s.stop, negative ? lower : upper);
  return [start, stop, step];
}

/** Slices compare as their (start, stop, step) tuples. */
function sliceCompare(op: number): (self: PyObject, args: PyObject[]) => PyObject {
  return (self, args) => {
    const o = args[0];
    if (!(o instanceof PySlice)) return newRef(NotImplemented);
    const s = self as PySlice;
    const a = newTuple([s.start, s.stop, s.step]);
    const b = newTuple([o.start, o.stop, o.step]);
    try {
      return A.richCompare(a, b, op);
    } finally {
      decref(a);
      decref(b);
    }
  };
}

defineMethods(sliceType, {
  __repr__: (self) => {
    const s = self as PySlice;
    return newStr(`slice(${A.repr(s.start)}, ${A.repr(s.stop)}, ${A.repr(s.step)})`);
  },
  indices: (self, args, kwnames) => {
    arity('indices', args, kwnames, 1, 1);
    const length = toBig(A.indexValue(args[0]));
    if (length < 0n) throw newException(E.ValueError, 'length should not be negative');
    const [start, stop, step] = sliceLongIndices(self as PySlice, length);
    return newTupleSteal([newBigInt(start), newBigInt(stop), newBigInt(step)]);
  },
  __eq__: sliceCompare(A.EQ),
  __ne__: sliceCompare(A.NE),
  __lt__: sliceCompare(A.LT),
  __le__: sliceCompare(A.LE),
  __gt__: sliceCompare(A.GT),
  __ge__: sliceCompare(A.GE),
  __reduce__: (self) => {
    const s = self as PySlice;
    return newTupleSteal([newRef(sliceType), newTuple([s.start, s.stop, s.step])]);
  },
});
// 3.11's slices are unhashable (hashing arrived in 3.12).
sliceType.setAttr('__hash__', None);
defineGetSets(sliceType, {
  start: [(self) => newRef((self as PySlice).start)],
  stop: [(self) => newRef((self as PySlice).stop)],
  step: [(self) => newRef((self as PySlice).step)],
});

// ---------------------------------------------------------------- iterators

onIteratorTypeCreated((t) => {
  defineMethods(t, {
    __iter__: (self) => newRef(self),
    __next__: (self) => {
      const v = (self as PyIterator).nextItem();
      if (v === null) throw newException(E.StopIteration);
      return v;
    },
  });
  if (iteratorHasLengthHint(t)) {
    defineMethods(t, {
      __length_hint__: (self) => {
        const it = self as PyIterator;
        return newInt(it.step === null || it.hint === null ? 0 : Math.max(0, it.hint()));
      },
    });
  }
});

// ---------------------------------------------------------------- exceptions

function excNew(_s: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  const [pos] = splitArgs(args, kwnames);
  const cls = pos[0] as PyType;
  const e = cls.newInstance!(cls) as PyBaseException;
  e.args = newTuple(pos.slice(1));
  return e;
}

defineNew(E.BaseException, excNew);
defineMethods(E.BaseException, {
  __init__: (self, args, kwnames) => {
    const e = self as PyBaseException;
    if (kwnames !== null && kwnames.length > 0) throw newException(E.TypeError, `${e.ob_type.name}() takes no keyword arguments`);
    const old = e.args;
    e.args = newTuple(args);
    decref(old);
    return newRef(None);
  },
  __str__: (self) => {
    const items = (self as PyBaseException).args.items;
    if (items.length === 0) return newStr('');
    if (items.length === 1) return A.strObj(items[0]);
    return A.strObj((self as PyBaseException).args);
  },
  __repr__: (self) => {
    const e = self as PyBaseException;
    const items = e.args.items;
    const name = self.ob_type.name;
    if (items.length === 1) return newStr(`${name}(${A.repr(items[0])})`);
    return newStr(`${name}${A.repr(e.args)}`);
  },
  with_traceback: (self, args) => {
    const e = self as PyBaseException;
    xdecref(e.traceback);
    e.traceback = args[0] === None ? null : newRef(args[0]);
    return newRef(self);
  },
  add_note: (self, args) => {
    const e = self as PyBaseException;
    if (!(args[0] instanceof PyStr)) throw newException(E.TypeError, `note must be a str, not '${A.typeName(args[0])}'`);
    if (e.notes === null) e.notes = newListSteal([]);
    decref(A.callMethod(e.notes, 'append', [args[0]]));
    return newRef(None);
  },
  __reduce__: (self) => newTupleSteal([newRef(self.ob_type), newRef((self as PyBaseException).args)]),
});

function excField(get: (e: PyBaseException) => PyObject | null, set?: (e: PyBaseException, v: PyObject | null) => void): [(self: PyObject) => PyObject, ((self: PyObject, v: PyObject | null) => void)?] {
  return [(self) => newRef(get(self as PyBaseException) ?? None), set ? (self, v) => set(self as PyBaseException, v) : undefined];
}

defineGetSets(E.BaseException, {
  args: excField((e) => e.args, (e, v) => {
    const old = e.args;
    e.args = v instanceof PyTuple ? newRef(v) : newTupleSteal(A.toArray(v!));
    decref(old);
  }),
  __traceback__: excField((e) => e.traceback, (e, v) => {
    xdecref(e.traceback);
    e.traceback = v === None || v === null ? null : newRef(v);
  }),
  __context__: excField((e) => e.context, (e, v) => {
    xdecref(e.context);
    e.context = v === None || v === null ? null : (newRef(v) as PyBaseException);
  }),
  __cause__: excField((e) => e.cause, (e, v) => {
    xdecref(e.cause);
    e.cause = v === None || v === null ? null : (newRef(v) as PyBaseException);
    e.suppressContext = true;
  }),
  __suppress_context__: [(self) => newBool((self as PyBaseException).suppressContext), (self, v) => { (self as PyBaseException).suppressContext = v !== null && A.isTrue(v); }],
  __dict__: [(self) => { if (self.dict === null) self.dict = newDict(); return newRef(self.dict); }],
  __notes__: excField((e) => {
    if (e.notes === null) throw A.attributeError(e, '__notes__');
    return e.notes;
  }),
});

defineMethods(E.StopIteration, {
  __init__: (self, args) => {
    const e = self as PyBaseException;
    const old = e.args;
    e.args = newTuple(args);
    decref(old);
    xdecref(e.extra);
    e.extra = args.length > 0 ? newRef(args[0]) : null;
    return newRef(None);
  },
});
defineGetSets(E.StopIteration, { value: excField((e) => e.extra) });

defineMethods(E.SystemExit, {
  __init__: (self, args) => {
    const e = self as PyBaseException;
    const old = e.args;
    e.args = newTuple(args);
    decref(old);
    xdecref(e.extra);
    e.extra = args.length === 0 ? null : args.length === 1 ? newRef(args[0]) : newTuple(args);
    return newRef(None);
  },
});
defineGetSets(E.SystemExit, { code: excField((e) => e.extra ?? (e.args.items.length > 0 ? e.args.items[0] : null)) });

defineMethods(E.KeyError, {
  __str__: (self) => {
    const items = (self as PyBaseException).args.items;
    if (items.length === 1) return A.reprObj(items[0]);
    return E.BaseException.lookup('__str__') ? A.callBound(E.BaseException.attrs.get('__str__')!, self, []) : newStr('');
  },
});

for (const t of [E.NameError, E.AttributeError, E.ImportError]) {
  const keywords = t === E.AttributeError ? ['name', 'obj'] : ['name'];
  defineMethods(t, {
    __init__: (self, args, kwnames) => {
      const [pos, kw] = splitArgs(args, kwnames);
      const e = self as PyBaseException;
      for (const k of kw.keys()) {
        if (!keywords.includes(k)) throw newException(E.TypeError, `'${k}' is an invalid keyword argument for ${e.ob_type.name}()`);
      }
      const old = e.args;
      e.args = newTuple(pos);
      decref(old);
      const name = kw.get('name');
      if (name !== undefined) { xdecref(e.name); e.name = newRef(name); }
      const obj = kw.get('obj');
      if (obj !== undefined) { xdecref(e.extra); e.extra = newRef(obj); }
      return newRef(None);
    },
  });
  defineGetSets(t, {
    name: excField((e) => e.name, (e, v) => { xdecref(e.name); e.name = v && newRef(v); }),
  });
}
defineGetSets(E.AttributeError, { obj: excField((e) => e.extra) });

// OSError, ImportError and the UnicodeError family: exceptionFields.ts.

defineGetSets(E.SyntaxError, {
  msg: excField((e) => (e.args.items.length > 0 ? e.args.items[0] : null)),
});

void newIntValue; void PyTuple;
