// types.GenericAlias (Objects/genericaliasobject.c: `list[int]`, what a builtin container's
// __class_getitem__ returns) and types.UnionType (Objects/unionobject.c: `int | str`, what
// type.__or__ returns). Both only describe: calling an alias calls its origin, attribute access
// falls through to the origin, and isinstance() refuses a parameterized generic, as in CPython.

import { PyObject } from './pyobject';
import { PyType, makeStaticType, typeType } from './typeobject';
import { PyTuple, newTuple, newTupleSteal } from './tuple';
import { PyStr, newStr } from './str';
import { frozensetType } from './set';
import { newBool } from './bool';
import { newInt } from './int';
import { None, NotImplemented, Ellipsis, noneType } from './none';
import { defineMethods, defineGetSets, defineClassMethods, arity } from './define';
import { newException, TypeError, AttributeError, PyBaseException } from './exceptions';
import * as A from './abstract';
import { newRef, decref, track } from '../memory/heap';

export const genericAliasType = makeStaticType('GenericAlias', undefined, { gcHeader: true, basicsize: 72, isBaseType: true, module: 'types' });
export const unionType = makeStaticType('UnionType', undefined, { gcHeader: true, basicsize: 32, isBaseType: false, module: 'types' });

export class PyGenericAlias extends PyObject {
  constructor(type: PyType, readonly origin: PyObject, readonly args: PyTuple) {
    super(type);
  }
}

export class PyUnion extends PyObject {
  constructor(readonly args: PyTuple) {
    super(unionType);
  }
}

genericAliasType.tp_dealloc = (o) => {
  decref((o as PyGenericAlias).origin);
  decref((o as PyGenericAlias).args);
};
unionType.tp_dealloc = (o) => decref((o as PyUnion).args);

/** Py_GenericAlias(origin, args): `args` a tuple is the parameters, anything else one parameter. */
export function newGenericAlias(origin: PyObject, args: PyObject): PyGenericAlias {
  origin.ob_refcnt++;
  const tuple = args instanceof PyTuple ? newRef(args) : newTuple([args]);
  return track(new PyGenericAlias(genericAliasType, origin, tuple), 72);
}

/** ga_repr_item / union_repr_item: '...', a nested alias's repr, 'qualname' for builtins, else 'module.qualname'. */
function reprItem(p: PyObject, noneAsNone: boolean): string {
  if (p === Ellipsis) return '...';
  if (noneAsNone && p === noneType) return 'None';
  if (p instanceof PyGenericAlias || p instanceof PyUnion) return A.repr(p);
  const qualname = A.getAttrOrNull(p, '__qualname__');
  if (qualname === null) return A.repr(p);
  try {
    const module = A.getAttrOrNull(p, '__module__');
    if (module === null || module === None) {
      if (module !== null) decref(module);
      return A.repr(p);
    }
    const m = A.str(module);
    decref(module);
    return m === 'builtins' ? A.str(qualname) : `${m}.${A.str(qualname)}`;
  } finally {
    decref(qualname);
  }
}

function gaReprArgs(args: PyTuple): string {
  if (args.items.length === 0) return '()';
  return args.items.map((a) => (a instanceof PyTuple && a.items.length === 0 ? '()' : reprItem(a, false))).join(', ');
}

/** Names ga_getattro keeps for the alias itself; any other is looked up on the origin. */
const ALIAS_OWN_NAMES = new Set(['__origin__', '__args__', '__unpacked__', '__parameters__', '__typing_unpacked_tuple_args__',
  '__mro_entries__', '__reduce_ex__', '__reduce__', '__copy__', '__deepcopy__']);

function refuse(what: string): (self: PyObject, args: PyObject[]) => PyObject {
  return () => {
    throw newException(TypeError, `${what}() argument 2 cannot be a parameterized generic`);
  };
}

defineMethods(genericAliasType, {
  __repr__: (self) => {
    const ga = self as PyGenericAlias;
    return newStr(`${reprItem(ga.origin, false)}[${gaReprArgs(ga.args)}]`);
  },
  __call__: (self, args, kwnames) => {
    const ga = self as PyGenericAlias;
    const obj = A.call(ga.origin, args, kwnames);
    // ga_call sets __orig_class__ where it can and ignores AttributeError/TypeError.
    try {
      A.setAttr(obj, '__orig_class__', self);
    } catch (e) {
      if (!(e instanceof PyBaseException && (e.ob_type.isSubtypeOf(AttributeError) || e.ob_type.isSubtypeOf(TypeError)))) {
        decref(obj);
        throw e;
      }
      decref(e);
    }
    return obj;
  },
  __getattribute__: (self, args) => {
    const name = args[0] as PyStr;
    const ga = self as PyGenericAlias;
    if (!ALIAS_OWN_NAMES.has(name.value) && !(name.value.startsWith('__') && name.value.endsWith('__') && genericAliasType.lookup(name.value) !== null)) {
      return A.getAttr(ga.origin, name.value);
    }
    const v = A.genericGetAttr(self, name.value);
    if (v === null) throw A.attributeError(self, name.value);
    return v;
  },
  __eq__: (self, args) => {
    const o = args[0];
    if (!(o instanceof PyGenericAlias)) return newRef(NotImplemented);
    const a = self as PyGenericAlias;
    return newBool(A.equal(a.origin, o.origin) && A.equal(a.args, o.args));
  },
  __ne__: (self, args) => {
    const o = args[0];
    if (!(o instanceof PyGenericAlias)) return newRef(NotImplemented);
    const a = self as PyGenericAlias;
    return newBool(!(A.equal(a.origin, o.origin) && A.equal(a.args, o.args)));
  },
  __hash__: (self) => {
    const ga = self as PyGenericAlias;
    return newInt(Number(BigInt.asIntN(64, BigInt(A.hash(ga.origin)) ^ BigInt(A.hash(ga.args)))));
  },
  __mro_entries__: (self) => newTuple([(self as PyGenericAlias).origin]),
  __instancecheck__: refuse('isinstance'),
  __subclasscheck__: refuse('issubclass'),
  __or__: (self, args) => unionOr(self, args[0]),
  __ror__: (self, args) => unionOr(args[0], self),
  __reduce__: (self) => {
    const ga = self as PyGenericAlias;
    return newTupleSteal([newRef(genericAliasType), newTuple([ga.origin, ga.args])]);
  },
});
defineGetSets(genericAliasType, {
  __origin__: [(self) => newRef((self as PyGenericAlias).origin)],
  __args__: [(self) => newRef((self as PyGenericAlias).args)],
  __parameters__: [() => newTuple([])],
});

// ---------------------------------------------------------------- UnionType

/** is_unionable: None, a class, a generic alias or a union. */
function unionable(o: PyObject): boolean {
  return o === None || o instanceof PyType || o instanceof PyGenericAlias || o instanceof PyUnion;
}

/** _Py_union_type_or: flatten nested unions, None as NoneType, drop duplicates; one member is itself. */
function unionOr(left: PyObject, right: PyObject): PyObject {
  if (!unionable(left) || !unionable(right)) return newRef(NotImplemented);
  const members: PyObject[] = [];
  for (const side of [left, right]) {
    const items = side instanceof PyUnion ? side.args.items : [side === None ? noneType : side];
    for (const item of items) {
      // dedup_and_flatten_args compares classes by identity and aliases by equality.
      const seen = members.some((m) => m === item || (m instanceof PyGenericAlias && item instanceof PyGenericAlias && A.equal(m, item)));
      if (!seen) members.push(item);
    }
  }
  if (members.length === 1) return newRef(members[0]);
  return track(new PyUnion(newTuple(members)), 32);
}

defineMethods(unionType, {
  __repr__: (self) => newStr((self as PyUnion).args.items.map((a) => reprItem(a, true)).join(' | ')),
  __or__: (self, args) => unionOr(self, args[0]),
  __ror__: (self, args) => unionOr(args[0], self),
  // object_isinstance / object_issubclass treat a union as the tuple of its members.
  __instancecheck__: (self, args) => newBool(A.isInstance(args[0], (self as PyUnion).args)),
  __subclasscheck__: (self, args) => newBool(A.isSubclass(args[0], (self as PyUnion).args)),
  __eq__: (self, args) => {
    const o = args[0];
    if (!(o instanceof PyUnion)) return newRef(NotImplemented);
    const a = (self as PyUnion).args.items, b = o.args.items;
    return newBool(a.length === b.length && a.every((x) => b.some((y) => A.equal(x, y))));
  },
  __hash__: (self) => {
    const fs = A.call(frozensetType, [(self as PyUnion).args]);
    try {
      return newInt(A.hash(fs));
    } finally {
      decref(fs);
    }
  },
});
defineGetSets(unionType, {
  __args__: [(self) => newRef((self as PyUnion).args)],
  __parameters__: [() => newTuple([])],
});

// type.__or__ / type.__ror__: `int | str`.
defineMethods(typeType, {
  __or__: (self, args) => unionOr(self, args[0]),
  __ror__: (self, args) => unionOr(args[0], self),
});

/** Give the builtin containers CPython's `__class_getitem__ = Py_GenericAlias`. */
export function defineClassGetItem(types: PyType[]): void {
  for (const t of types) {
    defineClassMethods(t, {
      __class_getitem__: (cls, args, kwnames) => {
        arity('__class_getitem__', args, kwnames, 1, 1);
        return newGenericAlias(cls, args[0]);
      },
    });
  }
}
