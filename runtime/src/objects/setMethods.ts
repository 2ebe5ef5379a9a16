// set's and frozenset's Python-visible methods (Objects/setobject.c).

import type { PyObject } from './pyobject';
import type { PyType } from './typeobject';
import { PySet, setType, frozensetType, newSet } from './set';
import { newInt, newIntValue } from './int';
import * as H from '../hashing/hash';
import { newBool } from './bool';
import { newStr } from './str';
import { NotImplemented, None } from './none';
import { defineMethods, defineNew } from './define';
import { newException, KeyError, RuntimeError, TypeError } from './exceptions';
import * as A from './abstract';
import { newRef, decref } from '../memory/heap';
import { newIterator } from './iterator';
import { withReprGuard } from './sequenceMethods';
import { dictKeysType, dictItemsType } from './dictMethods';
import { PyDict, dictType } from './dict';

const NI = () => newRef(NotImplemented);

function isSetLike(o: PyObject): boolean {
  return o instanceof PySet || o.ob_type === dictKeysType || o.ob_type === dictItemsType;
}

function members(o: PyObject): PyObject[] {
  if (o instanceof PySet) return o.items();
  const arr = A.toArray(o);
  for (const x of arr) x.ob_refcnt--; // borrowed-style: the items stay alive in their container
  return arr;
}

function make(type: PyType, items: PyObject[]): PySet {
  const s = newSet(type === frozensetType || type.isSubtypeOf(frozensetType) ? frozensetType : setType);
  for (const x of items) s.table.set(x, None);
  return s;
}

function has(s: PySet, x: PyObject): boolean {
  return withHashableKey(x, (key) => s.table.findIndex(key) >= 0);
}

/**
 * set_contains / set_remove / set_discard: a set key, unhashable, is looked up as the frozenset of
 * its items (a temporary one here).
 */
function withHashableKey<T>(x: PyObject, use: (key: PyObject) => T): T {
  if (!(x instanceof PySet) || !x.ob_type.isSubtypeOf(setType)) return use(x);
  const key = make(frozensetType, x.items());
  try {
    return use(key);
  } finally {
    decref(key);
  }
}

function exactlyOne(name: string, args: PyObject[]): void {
  if (args.length !== 1) throw newException(TypeError, `set.${name}() takes exactly one argument (${args.length} given)`);
}

function asSet(o: PyObject): PySet {
  if (o instanceof PySet) return newRef(o);
  const s = newSet();
  A.forEach(o, (x) => s.table.set(x, None));
  return s;
}

function union(a: PySet, others: PyObject[]): PySet {
  const r = make(a.ob_type, a.items());
  for (const o of others) A.forEach(o, (x) => r.table.set(x, None));
  return r;
}
function intersection(a: PySet, o: PyObject): PySet {
  const b = asSet(o);
  const r = make(a.ob_type, a.items().filter((x) => has(b, x)));
  A.forEach(b, () => {});
  return r;
}
function difference(a: PySet, o: PyObject): PySet {
  const b = asSet(o);
  return make(a.ob_type, a.items().filter((x) => !has(b, x)));
}
/** set_symmetric_difference: a copy of the other operand, then each of a's items toggled in it (CPython's order). */
function symDiff(a: PySet, o: PyObject): PySet {
  const b = asSet(o);
  const r = make(a.ob_type, b.items());
  decref(b);
  toggleAll(r, a.items());
  return r;
}

function symDiffUpdate(s: PySet, o: PyObject): void {
  const b = asSet(o);
  try {
    toggleAll(s, b.items());
  } finally {
    decref(b);
  }
}

/** set_symmetric_difference_update's loop: remove what is there, add what is not. */
function toggleAll(target: PySet, items: PyObject[]): void {
  for (const x of items) {
    if (!target.table.delete(x)) target.table.set(x, None);
  }
}

function replaceContents(s: PySet, r: PySet): void {
  s.table.clear();
  for (const x of r.items()) s.table.set(x, None);
}

function subset(a: PySet, b: PySet): boolean {
  return a.items().every((x) => has(b, x));
}

function setRepr(self: PyObject): string {
  const s = self as PySet;
  const name = self.ob_type.name;
  return withReprGuard(self, () => {
    const items = s.items().map((x) => A.repr(x));
    if (items.length === 0) return `${name}()`;
    const body = '{' + items.join(', ') + '}';
    return self.ob_type === setType ? body : `${name}(${body})`;
  }, `${name}(...)`);
}

function binop(f: (a: PySet, b: PySet) => PySet) {
  return (self: PyObject, args: PyObject[]): PyObject => {
    if (!isSetLike(args[0])) return NI();
    const b = asSet(args[0]);
    return f(self as PySet, b);
  };
}

function cmp(f: (a: PySet, b: PySet) => boolean) {
  return (self: PyObject, args: PyObject[]): PyObject => {
    if (!(args[0] instanceof PySet)) return NI();
    return newBool(f(self as PySet, args[0]));
  };
}

const common = {
  __len__: (self: PyObject) => newInt((self as PySet).size),
  __contains__: (self: PyObject, args: PyObject[]) => newBool(has(self as PySet, args[0])),
  __iter__: (self: PyObject) => {
    const s = self as PySet;
    const items = s.items();
    const size = s.size;
    let i = 0;
    return newIterator('set_iterator', self, () => {
      if (s.size !== size) throw newException(RuntimeError, 'Set changed size during iteration');
      return i < items.length ? newRef(items[i++]) : null;
    }, () => (s.size === size ? items.length - i : 0));
  },
  __repr__: (self: PyObject) => newStr(setRepr(self)),
  __or__: binop((a, b) => union(a, [b])),
  __ror__: binop((a, b) => union(b, [a])),
  __and__: binop((a, b) => intersection(a, b)),
  __rand__: binop((a, b) => intersection(b, a)),
  __sub__: binop((a, b) => difference(a, b)),
  __rsub__: binop((a, b) => difference(b, a)),
  __xor__: binop((a, b) => symDiff(a, b)),
  __rxor__: binop((a, b) => symDiff(b, a)),
  __eq__: cmp((a, b) => a.size === b.size && subset(a, b)),
  __ne__: cmp((a, b) => !(a.size === b.size && subset(a, b))),
  __le__: cmp((a, b) => subset(a, b)),
  __lt__: cmp((a, b) => a.size < b.size && subset(a, b)),
  __ge__: cmp((a, b) => subset(b, a)),
  __gt__: cmp((a, b) => a.size > b.size && subset(b, a)),
  union: (self: PyObject, args: PyObject[]) => union(self as PySet, args),
  intersection: (self: PyObject, args: PyObject[]) => args.reduce((acc: PySet, o) => intersection(acc, o), make(self.ob_type, (self as PySet).items())),
  difference: (self: PyObject, args: PyObject[]) => args.reduce((acc: PySet, o) => difference(acc, o), make(self.ob_type, (self as PySet).items())),
  symmetric_difference: (self: PyObject, args: PyObject[]) => { exactlyOne('symmetric_difference', args); return symDiff(self as PySet, args[0]); },
  issubset: (self: PyObject, args: PyObject[]) => newBool(subset(self as PySet, asSet(args[0]))),
  issuperset: (self: PyObject, args: PyObject[]) => newBool(subset(asSet(args[0]), self as PySet)),
  isdisjoint: (self: PyObject, args: PyObject[]) => newBool(members(args[0]).every((x) => !has(self as PySet, x))),
  // frozenset.copy() of an exact frozenset is the object itself (frozenset_copy).
  copy: (self: PyObject) => (self.ob_type === frozensetType ? newRef(self) : make(self.ob_type, (self as PySet).items())),
  __sizeof__: (self: PyObject) => newInt((self as PySet).table.sizeof() - 16),
};

/**
 * set_update_internal (set.update, |=, a set display's SET_UPDATE): a set or frozenset merges
 * with set_merge's presizing, an exact dict's keys go in after one resize, anything else item
 * by item.
 */
export function setUpdateFrom(s: PySet, o: PyObject): void {
  if (o instanceof PySet) s.table.merge(o.table);
  else if (o.ob_type === dictType) s.table.mergeDictKeys((o as PyDict).keyList());
  else A.forEach(o, (x) => s.table.set(x, None));
}

/** set_difference_update_internal: the table's own discards (its order and shrink rule). */
function differenceUpdateFrom(s: PySet, o: PyObject): void {
  if (o instanceof PySet) {
    s.table.differenceUpdate(o.table);
    return;
  }
  const items = A.toArray(o);
  try {
    s.table.differenceUpdateItems(items);
  } finally {
    for (const x of items) decref(x);
  }
}

defineMethods(setType, {
  ...common,
  __ior__: (self, args) => { setUpdateFrom(self as PySet, args[0]); return newRef(self); },
  __iand__: (self, args) => {
    // set_intersection_update: the intersection's body is swapped in (CPython's table order)
    if (args[0] instanceof PySet) (self as PySet).table.intersectionUpdate([args[0].table], false);
    else replaceContents(self as PySet, intersection(self as PySet, args[0]));
    return newRef(self);
  },
  __isub__: (self, args) => { differenceUpdateFrom(self as PySet, args[0]); return newRef(self); },
  __ixor__: (self, args) => { symDiffUpdate(self as PySet, args[0]); return newRef(self); },
  __init__: (self, args) => {
    (self as PySet).table.clear();
    if (args.length > 0) A.forEach(args[0], (x) => (self as PySet).table.set(x, None));
    return newRef(None);
  },
  add: (self, args) => { (self as PySet).table.set(args[0], None); return newRef(None); },
  remove: (self, args) => {
    if (!withHashableKey(args[0], (key) => (self as PySet).table.delete(key))) throw A.keyError(args[0]);
    return newRef(None);
  },
  discard: (self, args) => { withHashableKey(args[0], (key) => (self as PySet).table.delete(key)); return newRef(None); },
  pop: (self) => {
    const s = self as PySet;
    const x = s.table.pop();
    if (x === undefined) throw newException(KeyError, 'pop from an empty set');
    return x;
  },
  clear: (self) => { (self as PySet).table.clear(); return newRef(None); },
  update: (self, args) => { for (const o of args) setUpdateFrom(self as PySet, o); return newRef(None); },
  intersection_update: (self, args) => {
    // set_intersection_update_multi: the intersection with every argument, then swapped in.
    if (args.length === 0) return newRef(None);
    let result = intersection(self as PySet, args[0]);
    for (const o of args.slice(1)) {
      const next = intersection(result, o);
      decref(result);
      result = next;
    }
    replaceContents(self as PySet, result);
    decref(result);
    return newRef(None);
  },
  difference_update: (self, args) => { for (const o of args) differenceUpdateFrom(self as PySet, o); return newRef(None); },
  symmetric_difference_update: (self, args) => { exactlyOne('symmetric_difference_update', args); symDiffUpdate(self as PySet, args[0]); return newRef(None); },
});
setType.setAttr('__hash__', None);

defineMethods(frozensetType, {
  ...common,
  __hash__: (self) => newIntValue(H.hashFrozenset((self as PySet).items().map(A.hashFull))),
});

defineNew(setType, (_self, args) => {
  const cls = args[0] as PyType;
  return cls.newInstance!(cls);
});
defineNew(frozensetType, (_self, args) => {
  const cls = args[0] as PyType;
  // frozenset(f) of an exact frozenset is f (frozenset_new).
  if (cls === frozensetType && args.length > 1 && args[1].ob_type === frozensetType) return newRef(args[1]);
  const s = cls.newInstance!(cls) as PySet;
  if (args.length > 1) A.forEach(args[1], (x) => s.table.set(x, None));
  return s;
});
