// dict's Python-visible methods and its views (Objects/dictobject.c).

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { PyDict, dictType, newDict } from './dict';
import { dictSizeof } from './dictKeys';
import { newInt } from './int';
import { newBool } from './bool';
import { newStr } from './str';
import { newTupleSteal, PyTuple } from './tuple';
import { newListSteal } from './list';
import { NotImplemented, None } from './none';
import { defineMethods, defineNew, defineClassMethods, defineGetSets, splitArgs, arity } from './define';
import { setType, newSet, isAnySet } from './set';
import { newMappingProxy } from './objectMethods';
import { newException, PyBaseException, KeyError, TypeError, RuntimeError, ValueError } from './exceptions';
import * as A from './abstract';
import { newRef, decref, track } from '../memory/heap';
import { newIterator } from './iterator';
import { withReprGuard } from './sequenceMethods';

A.setDictFactory(newDict);
const NI = () => newRef(NotImplemented);

export const dictKeysType = makeStaticType('dict_keys', undefined, { gcHeader: true, isBaseType: false });
export const dictValuesType = makeStaticType('dict_values', undefined, { gcHeader: true, isBaseType: false });
export const dictItemsType = makeStaticType('dict_items', undefined, { gcHeader: true, isBaseType: false });

export class PyDictView extends PyObject {
  constructor(type: PyType, readonly mapping: PyDict) {
    super(type);
  }
}
for (const t of [dictKeysType, dictValuesType, dictItemsType]) {
  t.tp_dealloc = (o) => decref((o as PyDictView).mapping);
}

function view(d: PyObject, type: PyType): PyObject {
  d.ob_refcnt++;
  return track(new PyDictView(type, d as PyDict), 40);
}

type Kind = 'keys' | 'values' | 'items';

/** Iterate a dict, raising CPython's errors if it changes size meanwhile. */
export function dictIterator(d: PyDict, kind: Kind, owner: PyObject): PyObject {
  let i = 0;
  let yielded = 0;
  const used = d.used;
  const name = kind === 'keys' ? 'dict_keyiterator' : kind === 'values' ? 'dict_valueiterator' : 'dict_itemiterator';
  return newIterator(name, owner, () => {
    if (d.used !== used) throw newException(RuntimeError, 'dictionary changed size during iteration');
    const keys = d.keys;
    while (i < keys.length && keys[i] === undefined) i++;
    if (i >= keys.length) return null;
    const k = keys[i]!, v = d.values[i]!;
    i++;
    yielded++;
    if (kind === 'keys') return newRef(k);
    if (kind === 'values') return newRef(v);
    return newTupleSteal([newRef(k), newRef(v)]);
  }, () => (d.used === used ? used - yielded : 0));
}

export function dictRepr(d: PyDict): string {
  return withReprGuard(d, () => {
    const parts: string[] = [];
    for (const [k, v] of d.entries()) parts.push(`${A.repr(k)}: ${A.repr(v)}`);
    return '{' + parts.join(', ') + '}';
  }, '{...}');
}

export function dictUpdateFrom(d: PyDict, src: PyObject): void {
  if (src instanceof PyDict) {
    for (const [k, v] of src.entries()) d.set(k, v);
    return;
  }
  if (src.ob_type.lookup('keys') !== null) {
    const keys = A.callMethod(src, 'keys', []);
    try {
      A.forEach(keys, (k) => {
        const v = A.getItem(src, k);
        d.set(k, v);
        decref(v);
      });
    } finally {
      decref(keys);
    }
    return;
  }
  let i = 0;
  A.forEach(src, (item) => {
    let pair: PyObject[];
    try {
      pair = A.toArray(item);
    } catch (e) {
      // PyDict_MergeFromSeq2 replaces a TypeError from PySequence_Fast with its own.
      if (!(e instanceof PyBaseException && e.ob_type.isSubtypeOf(TypeError))) throw e;
      decref(e);
      throw newException(TypeError, `cannot convert dictionary update sequence element #${i} to a sequence`);
    }
    try {
      if (pair.length !== 2) throw newException(ValueError, `dictionary update sequence element #${i} has length ${pair.length}; 2 is required`);
      d.set(pair[0], pair[1]);
    } finally {
      for (const p of pair) decref(p);
    }
    i++;
  });
}

function missingKey(self: PyObject, key: PyObject): PyObject {
  if (self.ob_type !== dictType) {
    const m = self.ob_type.lookup('__missing__');
    if (m !== null) return A.callBound(m, self, [key]);
  }
  throw A.keyError(key);
}

defineMethods(dictType, {
  __len__: (self) => newInt((self as PyDict).used),
  __getitem__: (self, args) => {
    const v = (self as PyDict).get(args[0]);
    if (v === undefined) return missingKey(self, args[0]);
    return newRef(v);
  },
  __setitem__: (self, args) => {
    (self as PyDict).set(args[0], args[1]);
    return newRef(None);
  },
  __delitem__: (self, args) => {
    if (!(self as PyDict).delete(args[0])) throw A.keyError(args[0]);
    return newRef(None);
  },
  __contains__: (self, args) => newBool((self as PyDict).findIndex(args[0]) >= 0),
  __iter__: (self) => dictIterator(self as PyDict, 'keys', self),
  __reversed__: (self) => {
    const d = self as PyDict;
    const keys = d.keyList();
    let i = keys.length - 1;
    return newIterator('dict_reversekeyiterator', self, () => (i >= 0 ? newRef(keys[i--]) : null), () => (d.used === keys.length ? i + 1 : 0));
  },
  __eq__: (self, args) => {
    const o = args[0];
    if (!(o instanceof PyDict)) return NI();
    return newBool(dictEqual(self as PyDict, o));
  },
  __ne__: (self, args) => {
    const o = args[0];
    if (!(o instanceof PyDict)) return NI();
    return newBool(!dictEqual(self as PyDict, o));
  },
  __or__: (self, args) => {
    if (!(args[0] instanceof PyDict)) return NI();
    const d = newDict();
    dictUpdateFrom(d, self);
    dictUpdateFrom(d, args[0]);
    return d;
  },
  __ior__: (self, args) => {
    dictUpdateFrom(self as PyDict, args[0]);
    return newRef(self);
  },
  __repr__: (self) => newStr(dictRepr(self as PyDict)),
  __init__: (self, args, kwnames) => {
    const [pos, kw] = splitArgs(args, kwnames);
    if (pos.length > 1) throw newException(TypeError, `dict expected at most 1 argument, got ${pos.length}`);
    if (pos.length === 1) dictUpdateFrom(self as PyDict, pos[0]);
    for (const [k, v] of kw) (self as PyDict).setStr(k, v);
    return newRef(None);
  },
  __sizeof__: (self) => newInt(dictSizeof(self as PyDict)),
  keys: (self) => view(self, dictKeysType),
  values: (self) => view(self, dictValuesType),
  items: (self) => view(self, dictItemsType),
  get: (self, args, kwnames) => {
    arity('get', args, kwnames, 1, 2);
    const v = (self as PyDict).get(args[0]);
    return newRef(v !== undefined ? v : args.length > 1 ? args[1] : None);
  },
  setdefault: (self, args, kwnames) => {
    arity('setdefault', args, kwnames, 1, 2);
    const d = self as PyDict;
    const v = d.get(args[0]);
    if (v !== undefined) return newRef(v);
    const dflt = args.length > 1 ? args[1] : None;
    d.set(args[0], dflt);
    return newRef(dflt);
  },
  pop: (self, args, kwnames) => {
    arity('pop', args, kwnames, 1, 2);
    const d = self as PyDict;
    const i = d.findIndex(args[0]);
    if (i < 0) {
      if (args.length > 1) return newRef(args[1]);
      throw A.keyError(args[0]);
    }
    const [k, v] = d.removeAt(i);
    decref(k);
    return v;
  },
  popitem: (self) => {
    const d = self as PyDict;
    for (let i = d.keys.length - 1; i >= 0; i--) {
      if (d.keys[i] !== undefined) {
        const [k, v] = d.removeAt(i);
        return newTupleSteal([k, v]);
      }
    }
    throw newException(KeyError, 'popitem(): dictionary is empty');
  },
  update: (self, args, kwnames) => {
    const [pos, kw] = splitArgs(args, kwnames);
    if (pos.length > 1) throw newException(TypeError, `update expected at most 1 argument, got ${pos.length}`);
    if (pos.length > 0) dictUpdateFrom(self as PyDict, pos[0]);
    for (const [k, v] of kw) (self as PyDict).setStr(k, v);
    return newRef(None);
  },
  clear: (self) => {
    (self as PyDict).clear();
    return newRef(None);
  },
  copy: (self) => {
    const d = newDict();
    dictUpdateFrom(d, self);
    return d;
  },
});
dictType.setAttr('__hash__', None);

defineClassMethods(dictType, {
  fromkeys: (cls, args) => {
    const d = A.call(cls, []);
    const value = args.length > 1 ? args[1] : None;
    A.forEach(args[0], (k) => A.setItem(d, k, value));
    return d;
  },
});

defineNew(dictType, (_self, args) => {
  const cls = args[0] as PyType;
  return cls.newInstance!(cls);
});

function dictEqual(a: PyDict, b: PyDict): boolean {
  if (a.used !== b.used) return false;
  for (const [k, v] of a.entries()) {
    const w = b.get(k);
    if (w === undefined || !A.compareBool(v, w, A.EQ)) return false;
  }
  return true;
}

function viewItems(v: PyDictView): PyObject[] {
  const d = v.mapping;
  const t = v.ob_type;
  return d.entries().map(([k, val]) => (t === dictKeysType ? newRef(k) : t === dictValuesType ? newRef(val) : newTupleSteal([newRef(k), newRef(val)])));
}

for (const [t, kind] of [[dictKeysType, 'keys'], [dictValuesType, 'values'], [dictItemsType, 'items']] as [PyType, Kind][]) {
  defineMethods(t, {
    __len__: (self) => newInt((self as PyDictView).mapping.used),
    __iter__: (self) => dictIterator((self as PyDictView).mapping, kind, self),
    __reversed__: (self) => {
      const items = viewItems(self as PyDictView).reverse();
      let i = 0;
      const d = (self as PyDictView).mapping, used = d.used;
      return newIterator(`dict_reverse${kind === 'keys' ? 'key' : kind === 'values' ? 'value' : 'item'}iterator`, self, () => (i < items.length ? items[i++] : null),
        () => (d.used === used ? items.length - i : 0));
    },
    __repr__: (self) => {
      const items = viewItems(self as PyDictView);
      const s = `${t.name}([${items.map((x) => A.repr(x)).join(', ')}])`;
      for (const x of items) decref(x);
      return newStr(s);
    },
    __contains__: (self, args) => {
      const d = (self as PyDictView).mapping;
      if (kind === 'keys') return newBool(d.findIndex(args[0]) >= 0);
      if (kind === 'items') {
        const pair = args[0];
        if (!(pair instanceof PyTuple) || pair.items.length !== 2) return newBool(false);
        const v = d.get(pair.items[0]);
        return newBool(v !== undefined && A.compareBool(v, pair.items[1], A.EQ));
      }
      for (const [, v] of d.entries()) if (A.compareBool(v, args[0], A.EQ)) return newBool(true);
      return newBool(false);
    },
  });
  // keys and items compare like sets and so, as in CPython, lose object's hash; values keep it.
  if (kind !== 'values') {
    defineMethods(t, setLikeViewMethods(kind));
    t.setAttr('__hash__', None);
  }
}

// ---------------------------------------------------------------- set-like views (dictviews_*)

function isSetLikeView(o: PyObject): boolean {
  return o.ob_type === dictKeysType || o.ob_type === dictItemsType;
}

/** dictviews_to_set: a new set of a view's items (or of any iterable, for the reflected forms). */
function viewToSet(o: PyObject): PyObject {
  return A.call(setType, [o]);
}

/** all_contained_in: every item of `a` is in `b`. */
function allContainedIn(a: PyObject, b: PyObject): boolean {
  const it = A.getIter(a);
  try {
    for (let x = A.iterNext(it); x !== null; x = A.iterNext(it)) {
      let found: boolean;
      try { found = A.contains(b, x); } finally { decref(x); }
      if (!found) return false;
    }
    return true;
  } finally {
    decref(it);
  }
}

/** _PyDictView_Intersect: iterate the smaller side, keep what the view contains. */
function viewIntersect(self: PyObject, other: PyObject): PyObject {
  if (!isSetLikeView(self)) [self, other] = [other, self];
  const lenSelf = A.length(self);
  if (other.ob_type === setType && lenSelf <= A.length(other)) return A.callMethod(other, 'intersection', [self]);
  if (isSetLikeView(other) && A.length(other) > lenSelf) [self, other] = [other, self];
  const result = newSet();
  const it = A.getIter(other);
  try {
    for (let x = A.iterNext(it); x !== null; x = A.iterNext(it)) {
      try {
        if (A.contains(self, x)) decref(A.callMethod(result, 'add', [x]));
      } finally {
        decref(x);
      }
    }
  } catch (e) {
    decref(result);
    throw e;
  } finally {
    decref(it);
  }
  return result;
}

/** `left OP right` through a new set of `left` and the set method `update` (a binary slot of the view type). */
function viewSetUpdate(method: string): (self: PyObject, args: PyObject[]) => PyObject {
  return (self, args) => {
    const result = viewToSet(self);
    try {
      decref(A.callMethod(result, method, [args[0]]));
    } catch (e) {
      decref(result);
      throw e;
    }
    return result;
  };
}

function viewRichCompare(self: PyObject, other: PyObject, op: 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge'): PyObject {
  if (!isAnySet(other) && !isSetLikeView(other)) return NI();
  const a = A.length(self), b = A.length(other);
  let ok = false;
  if (op === 'eq' || op === 'ne') ok = a === b && allContainedIn(self, other);
  else if (op === 'lt') ok = a < b && allContainedIn(self, other);
  else if (op === 'le') ok = a <= b && allContainedIn(self, other);
  else if (op === 'gt') ok = a > b && allContainedIn(other, self);
  else ok = a >= b && allContainedIn(other, self);
  return newBool(op === 'ne' ? !ok : ok);
}

function setLikeViewMethods(kind: Kind): Record<string, (self: PyObject, args: PyObject[], kwnames: string[] | null) => PyObject> {
  void kind;
  const or = viewSetUpdate('update');
  const sub = viewSetUpdate('difference_update');
  const xor = viewSetUpdate('symmetric_difference_update');
  return {
    __and__: (self, args) => viewIntersect(self, args[0]),
    __rand__: (self, args) => viewIntersect(args[0], self),
    __or__: or,
    __ror__: (self, args) => or(args[0], [self]),
    __sub__: sub,
    __rsub__: (self, args) => sub(args[0], [self]),
    __xor__: xor,
    __rxor__: (self, args) => xor(args[0], [self]),
    __eq__: (self, args) => viewRichCompare(self, args[0], 'eq'),
    __ne__: (self, args) => viewRichCompare(self, args[0], 'ne'),
    __lt__: (self, args) => viewRichCompare(self, args[0], 'lt'),
    __le__: (self, args) => viewRichCompare(self, args[0], 'le'),
    __gt__: (self, args) => viewRichCompare(self, args[0], 'gt'),
    __ge__: (self, args) => viewRichCompare(self, args[0], 'ge'),
    isdisjoint: (self, args) => {
      let [a, b] = [self, args[0]];
      if ((isAnySet(b) || isSetLikeView(b)) && A.length(b) > A.length(a)) [a, b] = [b, a];
      const it = A.getIter(b);
      try {
        for (let x = A.iterNext(it); x !== null; x = A.iterNext(it)) {
          let found: boolean;
          try { found = A.contains(a, x); } finally { decref(x); }
          if (!found) continue;
          return newBool(false);
        }
      } finally {
        decref(it);
      }
      return newBool(true);
    },
  };
}

for (const t of [dictKeysType, dictValuesType, dictItemsType]) {
  defineGetSets(t, { mapping: [(self) => newMappingProxy((self as PyDictView).mapping)] });
}
void newListSteal;
