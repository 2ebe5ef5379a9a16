// Python-visible methods of the small types: None/NotImplemented/Ellipsis, range, slice, bytes,
// the builtin iterators, and the exception hierarchy (Objects/exceptions.c).

import type { PyObject } from './pyobject';
import { PyType } from './typeobject';
import { noneType, notImplementedType, ellipsisType, None, NotImplemented, Ellipsis } from './none';
import { PyRange, rangeType, newRange, newRangeIterator, PyRangeIterator, rangeIteratorType } from './range';
import { PySlice, sliceType, newSliceSteal, adjustIndices } from './slice';
import { PyBytes, bytesType, bytearrayType, newBytes } from './bytes';
import { PyIterator, onIteratorTypeCreated, iteratorHasLengthHint } from './iterator';
import { PyInt, newInt, newIntValue, newBigInt, toBig } from './int';
import { newBool } from './bool';
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
defineNew(noneType, () => newRef(None));
defineMethods(notImplementedType, { __repr__: () => newStr('NotImplemented') });
defineMethods(ellipsisType, { __repr__: () => newStr('Ellipsis') });
void Ellipsis;

// ---------------------------------------------------------------- range

function rangeItem(r: PyRange, i: number): number {
  return r.start + i * r.step;
}

defineNew(rangeType, (_s, args) => {
  const nums = args.slice(1).map((a) => {
    if (!(a instanceof PyInt) && a.ob_type.lookup('__index__') === null) {
      throw newException(E.TypeError, `'${A.typeName(a)}' object cannot be interpreted as an integer`);
    }
    return Number(A.indexValue(a));
  });
  if (nums.length === 0) throw newException(E.TypeError, 'range expected at least 1 argument, got 0');
  if (nums.length > 3) throw newException(E.TypeError, `range expected at most 3 arguments, got ${nums.length}`);
  const [start, stop, step] = nums.length === 1 ? [0, nums[0], 1] : [nums[0], nums[1], nums[2] ?? 1];
  if (step === 0) throw newException(E.ValueError, 'range() arg 3 must not be zero');
  return newRange(start, stop, step);
});

defineMethods(rangeType, {
  __len__: (self) => newInt((self as PyRange).length),
  __iter__: (self) => newRangeIterator(self as PyRange),
  __reversed__: (self) => {
    const r = self as PyRange;
    const n = r.length;
    return track(new PyRangeIterator(r.start + (n - 1) * r.step, -r.step, n), 48);
  },
  __getitem__: (self, args) => {
    const r = self as PyRange;
    const key = args[0];
    if (key instanceof PySlice) {
      const [lo, , step, n] = sliceIndices(key, r.length);
      const start = rangeItem(r, lo);
      return newRange(start, start + n * step * r.step, step * r.step);
    }
    let i = Number(A.indexValue(key));
    if (i < 0) i += r.length;
    if (i < 0 || i >= r.length) throw newException(E.IndexError, 'range object index out of range');
    return newInt(rangeItem(r, i));
  },
  __contains__: (self, args) => {
    const r = self as PyRange;
    const x = args[0];
    if (!(x instanceof PyInt)) {
      for (let i = 0; i < r.length; i++) {
        const v = newInt(rangeItem(r, i));
        const eq = A.compareBool(v, x, A.EQ);
        decref(v);
        if (eq) return newBool(true);
      }
      return newBool(false);
    }
    const v = Number(x.value);
    if (r.step > 0 ? v < r.start || v >= r.stop : v > r.start || v <= r.stop) return newBool(false);
    return newBool((v - r.start) % r.step === 0);
  },
  __repr__: (self) => {
    const r = self as PyRange;
    return newStr(r.step === 1 ? `range(${r.start}, ${r.stop})` : `range(${r.start}, ${r.stop}, ${r.step})`);
  },
  __eq__: (self, args) => {
    const o = args[0];
    if (!(o instanceof PyRange)) return newRef(NotImplemented);
    const a = self as PyRange;
    const la = a.length, lb = o.length;
    if (la !== lb) return newBool(false);
    if (la === 0) return newBool(true);
    if (a.start !== o.start) return newBool(false);
    return newBool(la === 1 || a.step === o.step);
  },
  __hash__: (self) => { const r = self as PyRange; return newInt(A.hashInt(r.start * 31 + r.length * 7 + r.step)); },
  index: (self, args) => {
    const r = self as PyRange;
    const v = Number((args[0] as PyInt).value);
    for (let i = 0; i < r.length; i++) if (rangeItem(r, i) === v) return newInt(i);
    throw newException(E.ValueError, `${A.repr(args[0])} is not in range`);
  },
  count: (self, args) => {
    const r = self as PyRange;
    const v = Number((args[0] as PyInt).value);
    let n = 0;
    for (let i = 0; i < r.length; i++) if (rangeItem(r, i) === v) n++;
    return newInt(n);
  },
});
defineGetSets(rangeType, {
  start: [(self) => newInt((self as PyRange).start)],
  stop: [(self) => newInt((self as PyRange).stop)],
  step: [(self) => newInt((self as PyRange).step)],
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
  __init__: (self, args) => {
    const e = self as PyBaseException;
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
  defineMethods(t, {
    __init__: (self, args, kwnames) => {
      const [pos, kw] = splitArgs(args, kwnames);
      const e = self as PyBaseException;
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

defineMethods(E.OSError, {
  __str__: (self) => {
    const items = (self as PyBaseException).args.items;
    if (items.length >= 2) {
      const base = `[Errno ${A.str(items[0])}] ${A.str(items[1])}`;
      return newStr(items.length >= 3 ? `${base}: ${A.repr(items[2])}` : base);
    }
    return A.callBound(E.BaseException.attrs.get('__str__')!, self, []);
  },
});
defineGetSets(E.OSError, {
  errno: excField((e) => (e.args.items.length >= 2 ? e.args.items[0] : null)),
  strerror: excField((e) => (e.args.items.length >= 2 ? e.args.items[1] : null)),
  filename: excField((e) => (e.args.items.length >= 3 ? e.args.items[2] : null)),
});

defineGetSets(E.SyntaxError, {
  msg: excField((e) => (e.args.items.length > 0 ? e.args.items[0] : null)),
});

void newIntValue; void PyTuple;
