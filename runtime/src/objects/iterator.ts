// The builtin iterator family (list_iterator, tuple_iterator, str_ascii_iterator,
// dict_keyiterator, set_iterator, callable_iterator, enumerate, zip, map, filter, reversed...).
// Each is a PyIterator whose `step` closure yields the next item (a new reference) or null when
// exhausted; the VM's FOR_ITER and next() call it directly, with no StopIteration allocated.

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track, xdecref } from '../memory/heap';

export type IteratorStep = () => PyObject | null;

export class PyIterator extends PyObject {
  declare step: IteratorStep | null;
  declare source: PyObject | null;
  /** What __length_hint__ reports while not exhausted (the iterators of sized containers); else null. */
  declare hint: (() => number) | null;
  constructor(type: PyType, step: IteratorStep | null, source: PyObject | null, hint: (() => number) | null = null) {
    super(type);
    this.step = step;
    this.source = source;
    this.hint = hint;
  }
  /** The next item (new reference) or null, after which the iterator stays exhausted. */
  nextItem(): PyObject | null {
    const s = this.step;
    if (s === null) return null;
    const v = s();
    if (v === null) {
      this.step = null;
      const src = this.source;
      this.source = null;
      xdecref(src);
    }
    return v;
  }
}

function iterDealloc(obj: PyObject): void {
  const it = obj as PyIterator;
  it.step = null;
  const src = it.source;
  it.source = null;
  xdecref(src);
}

const iteratorTypes = new Map<string, PyType>();

/** tp_basicsize of the iterators that are bigger than CPython's usual 32-byte ones. */
const ITERATOR_BASICSIZE: Record<string, number> = {
  enumerate: 56, zip: 48, set_iterator: 48, dict_keyiterator: 56, dict_valueiterator: 56, dict_itemiterator: 56,
  dict_reversekeyiterator: 56, dict_reversevalueiterator: 56, dict_reverseitemiterator: 56,
};

/** The iterator types that are builtins one can call and subclass (each has its own __new__). */
const PUBLIC_ITERATOR_TYPES = new Set(['enumerate', 'zip', 'map', 'filter', 'reversed']);

/** The iterator types with a __length_hint__ (iterators over sized containers). */
const HINTED_ITERATOR_TYPES = new Set(['list_iterator', 'longrange_iterator', 'range_iterator', 'list_reverseiterator', 'tuple_iterator', 'reversed',
  'str_ascii_iterator', 'str_iterator', 'bytes_iterator', 'bytearray_iterator', 'set_iterator', 'dict_keyiterator',
  'dict_valueiterator', 'dict_itemiterator', 'dict_reversekeyiterator', 'dict_reversevalueiterator',
  'dict_reverseitemiterator']);

export function iteratorHasLengthHint(t: PyType): boolean {
  return HINTED_ITERATOR_TYPES.has(t.name);
}

/** The iterator type called `name` (made on first use, so each type file names its own). */
export function iteratorType(name: string): PyType {
  let t = iteratorTypes.get(name);
  if (t === undefined) {
    t = makeStaticType(name, undefined, { gcHeader: true, basicsize: ITERATOR_BASICSIZE[name] ?? 32, isBaseType: PUBLIC_ITERATOR_TYPES.has(name), tp_dealloc: iterDealloc });
    iteratorTypes.set(name, t);
    iteratorTypeCreated(t);
  }
  return t;
}

/** Hook for the methods module to give each new iterator type __iter__/__next__. */
export let iteratorTypeCreated: (t: PyType) => void = () => {};
export function onIteratorTypeCreated(hook: (t: PyType) => void): void {
  iteratorTypeCreated = hook;
  for (const t of iteratorTypes.values()) hook(t);
  makeBuiltinIteratorTypes();
}

/**
 * The builtin iterator types exist before any program runs, as CPython's static types do: their
 * slot wrappers are made at startup, not by the program's first loop over a str or a dict (where
 * they would count as the program's gen0 allocations).
 */
export function makeBuiltinIteratorTypes(): void {
  for (const name of ['list_iterator', 'list_reverseiterator', 'tuple_iterator', 'str_ascii_iterator', 'str_iterator',
    'bytes_iterator', 'bytearray_iterator', 'set_iterator', 'dict_keyiterator', 'dict_valueiterator',
    'dict_itemiterator', 'dict_reversekeyiterator', 'dict_reversevalueiterator', 'dict_reverseitemiterator',
    'range_iterator', 'longrange_iterator', 'callable_iterator', 'iterator', 'memory_iterator', 'enumerate', 'zip', 'map', 'filter',
    'reversed']) iteratorType(name);
}

/**
 * An iterator holding a new reference to `source` (what it walks), stepping with `step`;
 * `hint` gives the items left, for the types with a __length_hint__.
 */
export function newIterator(typeName: string, source: PyObject | null, step: IteratorStep, hint: (() => number) | null = null): PyIterator {
  if (source !== null) source.ob_refcnt++;
  const type = iteratorType(typeName);
  return track(new PyIterator(type, step, source, hint), type.basicsize);
}

/** newIterator for an instance of `type` itself, which may be a subclass (class E(enumerate)). */
export function newIteratorOfType(type: PyType, source: PyObject | null, step: IteratorStep, hint: (() => number) | null = null): PyIterator {
  if (source !== null) source.ob_refcnt++;
  return track(new PyIterator(type, step, source, hint), type.basicsize);
}
