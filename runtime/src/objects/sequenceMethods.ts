// list's and tuple's Python-visible methods (Objects/listobject.c, tupleobject.c), plus the
// sequence helpers they share (slicing, comparison, repr with recursion guard).

import type { PyObject } from './pyobject';
import type { PyType } from './typeobject';
import { PyList, listType, newListSteal, newList, listGrew, listShrank, listSync, listExtended, listPreallocate, listResize, setListCapacity } from './list';
import { PyTuple, tupleType, newTupleSteal, newTuple, newTupleOfType, emptyTuple } from './tuple';
import { PyInt, newInt, newIntValue } from './int';
import { newBool, True } from './bool';
import { newStr, PyStr } from './str';
import { PySlice, adjustIndices } from './slice';
import { NotImplemented, None } from './none';
import { defineMethods, defineNew, splitArgs, arity } from './define';
import { newException, ValueError, TypeError, IndexError, OverflowError, MemoryError } from './exceptions';
import * as A from './abstract';
import { newRef, decref, track } from '../memory/heap';
import { newIterator } from './iterator';

const NI = () => newRef(NotImplemented);

/** list_extend's one-resize case: an exact list or tuple. */
export function isExactSeq(o: PyObject): boolean {
  return o.ob_type === listType || o.ob_type === tupleType;
}

/** Builtin containers whose length CPython's list() / extend() read up front. */
function isSized(o: PyObject): boolean {
  return o instanceof PyList || o instanceof PyTuple || o instanceof PyStr || o.ob_type.name === 'bytes' || o.ob_type.name === 'range' || o.ob_type.name === 'dict' || o.ob_type.name === 'set' || o.ob_type.name === 'frozenset' || (o.ob_type.name.startsWith('dict_') && !o.ob_type.name.endsWith('iterator'));
}

/** PyObject_LengthHint(o, 8) for the builtin containers (others: the default 8). */
export function lengthHint(o: PyObject): number {
  if (o instanceof PyList || o instanceof PyTuple) return o.items.length;
  if (isSized(o)) {
    return A.length(o);
  }
  return 8;
}

export function sliceIndices(key: PySlice, length: number): [number, number, number, number] {
  const step = key.step === None ? 1 : Number(A.indexValue(key.step));
  if (step === 0) throw newException(ValueError, 'slice step cannot be zero');
  const start = key.start === None ? null : Number(A.indexValue(key.start, 'slice indices must be integers or None or have an __index__ method'));
  const stop = key.stop === None ? null : Number(A.indexValue(key.stop, 'slice indices must be integers or None or have an __index__ method'));
  const [lo, hi, n] = adjustIndices(length, start, stop, step);
  return [lo, hi, step, n];
}

function sliceItems(items: PyObject[], key: PySlice): PyObject[] {
  const [lo, , step, n] = sliceIndices(key, items.length);
  const out: PyObject[] = [];
  for (let i = 0, k = lo; i < n; i++, k += step) out.push(items[k]);
  return out;
}

/**
 * Index for item access: negative wraps, out of range raises IndexError("<what> index out of
 * range"); a non-index key is a TypeError naming the type (`typeWhat`, "list" even on assignment).
 */
function itemIndex(key: PyObject, length: number, what: string, typeWhat = what): number {
  if (!(key instanceof PyInt) && key.ob_type.lookup('__index__') === null) {
    throw newException(TypeError, `${typeWhat} indices must be integers or slices, not ${A.typeName(key)}`);
  }
  let i = Number(A.indexValue(key));
  if (i < 0) i += length;
  if (i < 0 || i >= length) throw newException(IndexError, `${what} index out of range`);
  return i;
}

const reprActive = new Set<PyObject>();

export function reprSequence(self: PyObject, items: PyObject[], open: string, close: string, oneTrailing: boolean): PyObject {
  if (reprActive.has(self)) return newStr(open + '...' + close);
  reprActive.add(self);
  try {
    const parts = items.slice().map((x) => A.repr(x));
    return newStr(open + parts.join(', ') + (oneTrailing && parts.length === 1 ? ',' : '') + close);
  } finally {
    reprActive.delete(self);
  }
}

export function withReprGuard(self: PyObject, inner: () => string, recursive: string): string {
  if (reprActive.has(self)) return recursive;
  reprActive.add(self);
  try {
    return inner();
  } finally {
    reprActive.delete(self);
  }
}

function compareSequences(a: PyObject[], b: PyObject[], op: number): PyObject {
  if ((op === A.EQ || op === A.NE) && a.length !== b.length) return newBool(op === A.NE);
  let i = 0;
  for (; i < a.length && i < b.length; i++) {
    if (!A.compareBool(a[i], b[i], A.EQ)) break;
  }
  if (i >= a.length || i >= b.length) {
    const x = a.length, y = b.length;
    return newBool([x < y, x <= y, x === y, x !== y, x > y, x >= y][op]);
  }
  if (op === A.EQ) return newBool(false);
  if (op === A.NE) return newBool(true);
  return A.richCompare(a[i], b[i], op);
}

function seqCmp(op: number, type: PyType) {
  return (self: PyObject, args: PyObject[]): PyObject => {
    const o = args[0];
    if (!o.ob_type.isSubtypeOf(type)) return NI();
    return compareSequences((self as PyList).items, (o as PyList).items, op);
  };
}

/** _PyEval_SliceIndexNotNone, as list.index / tuple.index read their start and stop. */
function sliceIndexNotNone(o: PyObject | undefined): number | null {
  if (o === undefined) return null;
  const v = A.indexValue(o, 'slice indices must be integers or have an __index__ method');
  return typeof v === 'bigint' ? (v > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER) : v;
}

function seqIndex(items: PyObject[], args: PyObject[], kwnames: string[] | null, what: string): PyObject {
  arity('index', args, kwnames, 1, 3);
  const [lo, hi] = adjustIndices(items.length, sliceIndexNotNone(args[1]), sliceIndexNotNone(args[2]), 1);
  for (let i = lo; i < hi && i < items.length; i++) if (A.compareBool(items[i], args[0], A.EQ)) return newInt(i);
  throw newException(ValueError, what === 'list' ? `${A.repr(args[0])} is not in list` : 'tuple.index(x): x not in tuple');
}

function seqCount(items: PyObject[], x: PyObject): PyObject {
  let n = 0;
  for (const v of items.slice()) if (A.compareBool(v, x, A.EQ)) n++;
  return newInt(n);
}

function seqContains(items: PyObject[], x: PyObject): PyObject {
  for (let i = 0; i < items.length; i++) if (A.compareBool(items[i], x, A.EQ)) return newBool(true);
  return newBool(false);
}

/** sq_repeat's count (the wrapper's PyNumber_AsSsize_t); the binary operator checked __index__ first. */
function repeatCount(o: PyObject): number {
  const v = A.indexValue(o);
  if (typeof v === 'bigint' && (v > 0x7fffffffffffffffn || v < -0x8000000000000000n)) {
    throw newException(OverflowError, "cannot fit 'int' into an index-sized integer");
  }
  return Math.max(0, Number(v));
}

function repeatItems(items: PyObject[], n: number): PyObject[] {
  if (n > 0 && items.length > 0 && items.length * n > 0x7fffffff) throw newException(MemoryError, '');
  const out: PyObject[] = [];
  for (let i = 0; i < n; i++) out.push(...items);
  return out;
}

function seqIter(self: PyObject, name: string): PyObject {
  const items = (self as PyList).items;
  let i = 0;
  const list = self as PyList;
  return newIterator(name, self, () => {
    const cur = list.items;
    if (i < cur.length) return newRef(cur[i++]);
    return null;
  }, () => list.items.length - i);
  void items;
}

// ---------------------------------------------------------------- list

/** What PyObject_GetIter accepts (PySequence_Fast's callers replace its TypeError with their own). */
function isIterable(o: PyObject): boolean {
  const iter = o.ob_type.lookup('__iter__');
  return iter !== null ? iter !== None : o.ob_type.lookup('__getitem__') !== null;
}

function listSetSlice(list: PyList, key: PySlice, value: PyObject | null): void {
  const items = list.items;
  const [lo, hi, step, n] = sliceIndices(key, items.length);
  if (value !== null && !isIterable(value)) throw newException(TypeError, 'can only assign an iterable');
  const newItems = value === null ? [] : A.toArray(value);
  if (step === 1) {
    const oldsize = items.length;
    const removed = items.splice(lo, Math.max(0, hi - lo), ...newItems);
    if (items.length === 0 && oldsize > 0) setListCapacity(list, 0);
    else if (items.length !== oldsize) listResize(list, items.length, oldsize);
    for (const r of removed) decref(r);
    return;
  }
  if (value === null) {
    const idx: number[] = [];
    for (let i = 0, k = lo; i < n; i++, k += step) idx.push(k);
    idx.sort((a, b) => b - a);
    const removed = idx.map((k) => items.splice(k, 1)[0]);
    listResize(list, items.length, items.length + removed.length);
    for (const r of removed) decref(r);
    return;
  }
  if (newItems.length !== n) {
    for (const v of newItems) decref(v);
    throw newException(ValueError, `attempt to assign sequence of size ${newItems.length} to extended slice of size ${n}`);
  }
  for (let i = 0, k = lo; i < n; i++, k += step) {
    const old = items[k];
    items[k] = newItems[i];
    decref(old);
  }
}

export function listSort(list: PyList, key: PyObject | null, reverse: boolean): void {
  const items = list.items;
  list.items = [];
  let keys: PyObject[] | null = null;
  try {
    if (key !== null && key !== None) keys = items.map((x) => A.call(key, [x]));
    const idx = items.map((_, i) => i);
    const ks = keys ?? items;
    const lt = (a: number, b: number) => A.compareBool(ks[a], ks[b], A.LT);
    // A stable merge sort using only __lt__, like CPython's timsort contract.
    const sorted = mergeSort(idx, reverse ? (a, b) => lt(b, a) : lt);
    const result = sorted.map((i) => items[i]);
    if (list.items.length > 0) throw newException(ValueError, 'list modified during sort');
    list.items = result;
  } catch (e) {
    if (list.items.length === 0) list.items = items;
    throw e;
  } finally {
    if (keys !== null) for (const k of keys) decref(k);
  }
}

function mergeSort(a: number[], lt: (x: number, y: number) => boolean): number[] {
  if (a.length <= 1) return a;
  // Insertion sort for small runs keeps comparisons close to CPython's for tiny lists.
  if (a.length <= 8) {
    const out = a.slice();
    for (let i = 1; i < out.length; i++) {
      const v = out[i];
      let j = i - 1;
      while (j >= 0 && lt(v, out[j])) { out[j + 1] = out[j]; j--; }
      out[j + 1] = v;
    }
    return out;
  }
  const mid = a.length >> 1;
  const l = mergeSort(a.slice(0, mid), lt), r = mergeSort(a.slice(mid), lt);
  const out: number[] = [];
  let i = 0, j = 0;
  while (i < l.length && j < r.length) {
    if (lt(r[j], l[i])) out.push(r[j++]);
    else out.push(l[i++]);
  }
  while (i < l.length) out.push(l[i++]);
  while (j < r.length) out.push(r[j++]);
  return out;
}

defineMethods(listType, {
  __len__: (self) => newInt((self as PyList).items.length),
  __getitem__: (self, args) => {
    const items = (self as PyList).items;
    const key = args[0];
    if (key instanceof PySlice) return newList(sliceItems(items, key));
    return newRef(items[itemIndex(key, items.length, 'list')]);
  },
  __setitem__: (self, args) => {
    const list = self as PyList;
    const key = args[0];
    if (key instanceof PySlice) {
      listSetSlice(list, key, args[1]);
      return newRef(None);
    }
    const i = itemIndex(key, list.items.length, 'list assignment', 'list');
    const old = list.items[i];
    list.items[i] = newRef(args[1]);
    decref(old);
    return newRef(None);
  },
  __delitem__: (self, args) => {
    const list = self as PyList;
    const key = args[0];
    if (key instanceof PySlice) listSetSlice(list, key, null);
    else {
      const i = itemIndex(key, list.items.length, 'list assignment', 'list');
      const item = list.items.splice(i, 1)[0];
      listShrank(list);
      decref(item);
    }
    return newRef(None);
  },
  __contains__: (self, args) => seqContains((self as PyList).items, args[0]),
  __iter__: (self) => seqIter(self, 'list_iterator'),
  __reversed__: (self) => {
    const list = self as PyList;
    let i = list.items.length - 1;
    return newIterator('list_reverseiterator', self, () => (i >= 0 && i < list.items.length ? newRef(list.items[i--]) : null),
      () => (i < list.items.length ? i + 1 : 0));
  },
  __add__: (self, args) => {
    if (!(args[0] instanceof PyList)) throw newException(TypeError, `can only concatenate list (not "${A.typeName(args[0])}") to list`);
    return newList([...(self as PyList).items, ...args[0].items]);
  },
  __iadd__: (self, args) => {
    const list = self as PyList;
    const oldsize = list.items.length;
    const extra = A.toArray(args[0]);
    list.items.push(...extra);
    listExtended(list, oldsize, isExactSeq(args[0]), lengthHint(args[0]));
    return newRef(self);
  },
  __mul__: (self, args) => newList(repeatItems((self as PyList).items, repeatCount(args[0]))),
  __rmul__: (self, args) => newList(repeatItems((self as PyList).items, repeatCount(args[0]))),
  __imul__: (self, args) => {
    const list = self as PyList;
    // sq_inplace_repeat is reached only with an __index__ count; other operands fall to __mul__'s error.
    if (!(args[0] instanceof PyInt) && args[0].ob_type.lookup('__index__') === null) return NI();
    const n = repeatCount(args[0]);
    const orig = list.items.slice();
    const out: PyObject[] = [];
    for (let i = 0; i < n; i++) out.push(...orig);
    for (const v of out) v.ob_refcnt++;
    for (const v of orig) decref(v);
    list.items = out;
    if (out.length === 0) setListCapacity(list, 0);
    else listResize(list, out.length, orig.length);
    return newRef(self);
  },
  __lt__: seqCmp(0, listType), __le__: seqCmp(1, listType), __eq__: seqCmp(2, listType),
  __ne__: seqCmp(3, listType), __gt__: seqCmp(4, listType), __ge__: seqCmp(5, listType),
  __repr__: (self) => reprSequence(self, (self as PyList).items, '[', ']', false),
  __init__: (self, args, kwnames) => {
    arity('list', args, kwnames, 0, 1);
    const list = self as PyList;
    const old = list.items;
    list.items = [];
    for (const v of old) decref(v);
    setListCapacity(list, 0);
    if (args.length > 0) {
      const hint = lengthHint(args[0]);
      if (isSized(args[0]) && hint > 0) listPreallocate(list, hint);
      list.items = A.toArray(args[0]);
      listExtended(list, 0, false, isSized(args[0]) ? 0 : hint);
    }
    return newRef(None);
  },
  __sizeof__: (self) => {
    listSync(self as PyList);
    return newInt(40 + 8 * (self as PyList).allocated);
  },
  append: (self, args, kwnames) => {
    if (args.length !== 1 || kwnames !== null) throw newException(TypeError, `list.append() takes exactly one argument (${args.length} given)`);
    (self as PyList).items.push(newRef(args[0]));
    listGrew(self as PyList);
    return newRef(None);
  },
  extend: (self, args) => {
    const list = self as PyList;
    const oldsize = list.items.length;
    const extra = A.toArray(args[0]);
    list.items.push(...extra);
    listExtended(list, oldsize, isExactSeq(args[0]), lengthHint(args[0]));
    return newRef(None);
  },
  insert: (self, args, kwnames) => {
    arity('insert', args, kwnames, 2);
    const items = (self as PyList).items;
    let i = Number(A.indexValue(args[0]));
    if (i < 0) i = Math.max(0, i + items.length);
    items.splice(Math.min(i, items.length), 0, newRef(args[1]));
    listGrew(self as PyList);
    return newRef(None);
  },
  pop: (self, args) => {
    const items = (self as PyList).items;
    if (items.length === 0) throw newException(IndexError, 'pop from empty list');
    let i = args.length > 0 ? Number(A.indexValue(args[0])) : items.length - 1;
    if (i < 0) i += items.length;
    if (i < 0 || i >= items.length) throw newException(IndexError, 'pop index out of range');
    const item = items.splice(i, 1)[0];
    listShrank(self as PyList);
    return item;
  },
  remove: (self, args) => {
    const items = (self as PyList).items;
    for (let i = 0; i < items.length; i++) {
      if (A.compareBool(items[i], args[0], A.EQ)) {
        const item = items.splice(i, 1)[0];
        listShrank(self as PyList);
        decref(item);
        return newRef(None);
      }
    }
    throw newException(ValueError, 'list.remove(x): x not in list');
  },
  index: (self, args, kwnames) => seqIndex((self as PyList).items, args, kwnames, 'list'),
  count: (self, args) => seqCount((self as PyList).items, args[0]),
  clear: (self) => {
    const list = self as PyList;
    const old = list.items;
    list.items = [];
    setListCapacity(list, 0);
    for (const v of old) decref(v);
    return newRef(None);
  },
  copy: (self) => newList((self as PyList).items),
  reverse: (self) => {
    (self as PyList).items.reverse();
    return newRef(None);
  },
  sort: (self, args, kwnames) => {
    const [pos, kw] = splitArgs(args, kwnames);
    if (pos.length > 0) throw newException(TypeError, 'sort() takes no positional arguments');
    for (const k of kw.keys()) {
      if (k !== 'key' && k !== 'reverse') throw newException(TypeError, `'${k}' is an invalid keyword argument for sort()`);
    }
    listSort(self as PyList, kw.get('key') ?? null, kw.has('reverse') ? A.isTrue(kw.get('reverse')!) : false);
    return newRef(None);
  },
});
listType.setAttr('__hash__', None);

defineNew(listType, (_self, args) => {
  const cls = args[0] as PyType;
  return cls.newInstance!(cls);
});

// ---------------------------------------------------------------- tuple

/** tuplerepeat: once is the (exact) tuple itself. */
function tupleRepeat(self: PyTuple, n: number): PyObject {
  if (n === 1 && self.ob_type === tupleType) return newRef(self);
  return newTuple(repeatItems(self.items, n));
}

defineMethods(tupleType, {
  __len__: (self) => newInt((self as PyTuple).items.length),
  __getitem__: (self, args) => {
    const items = (self as PyTuple).items;
    const key = args[0];
    if (key instanceof PySlice) {
      // tuplesubscript: only the whole tuple in order (step 1) is the tuple itself.
      const [lo, , step, n] = sliceIndices(key, items.length);
      if (step === 1 && lo === 0 && n === items.length && self.ob_type === tupleType) return newRef(self);
      return newTuple(sliceItems(items, key));
    }
    return newRef(items[itemIndex(key, items.length, 'tuple')]);
  },
  __contains__: (self, args) => seqContains((self as PyTuple).items, args[0]),
  __iter__: (self) => seqIter(self, 'tuple_iterator'),
  __add__: (self, args) => {
    if (!(args[0] instanceof PyTuple)) throw newException(TypeError, `can only concatenate tuple (not "${A.typeName(args[0])}") to tuple`);
    return newTuple([...(self as PyTuple).items, ...args[0].items]);
  },
  __mul__: (self, args) => tupleRepeat(self as PyTuple, repeatCount(args[0])),
  __rmul__: (self, args) => tupleRepeat(self as PyTuple, repeatCount(args[0])),
  __lt__: seqCmp(0, tupleType), __le__: seqCmp(1, tupleType), __eq__: seqCmp(2, tupleType),
  __ne__: seqCmp(3, tupleType), __gt__: seqCmp(4, tupleType), __ge__: seqCmp(5, tupleType),
  __hash__: (self) => newIntValue(A.hashFull(self)),
  __repr__: (self) => reprSequence(self, (self as PyTuple).items, '(', ')', true),
  __getnewargs__: (self) => newTupleSteal([newTuple((self as PyTuple).items)]),
  index: (self, args, kwnames) => seqIndex((self as PyTuple).items, args, kwnames, 'tuple'),
  count: (self, args) => seqCount((self as PyTuple).items, args[0]),
});

defineNew(tupleType, (_self, args, kwnames) => {
  const [pos, kw] = splitArgs(args, kwnames);
  const cls = pos[0] as PyType;
  const src = pos[1] ?? kw.get('iterable');
  if (cls === tupleType) {
    if (src === undefined) return newRef(emptyTuple);
    if (src.ob_type === tupleType) return newRef(src);
    return newTupleSteal(A.toArray(src));
  }
  const items = src === undefined ? [] : A.toArray(src);
  const t = newTupleOfType(cls, items);
  for (const v of items) decref(v);
  return t;
});

const anyOperand = () => true;
const hasIndex = (o: PyObject) => o instanceof PyInt || o.ob_type.lookup('__index__') !== null;
for (const type of [listType, tupleType]) {
  A.sequenceSlots.set(type.lookup('__add__')!, anyOperand);
  A.sequenceSlots.set(type.lookup('__mul__')!, hasIndex);
  A.sequenceSlots.set(type.lookup('__rmul__')!, hasIndex);
}

void track; void newListSteal; void True; void PyStr;
