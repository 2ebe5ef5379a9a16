// PyType: type objects (CPython's Objects/typeobject.c). A type owns its namespace (an
// insertion-ordered map name → object, exposed as `__dict__` through a mappingproxy), its bases,
// its C3 MRO, and the few native hooks the VM needs to make and free instances.
//
// Invariants:
//  - `mro[0] === this`; `lookup(name)` walks the MRO exactly like `_PyType_Lookup`;
//  - every mutation of a type namespace goes through `setAttr`/`deleteAttr`, which bump the
//    global version so per-type lookup caches can never serve a stale answer;
//  - `instanceLayout` is the nearest builtin ("solid") base: it decides which JS class instances
//    are made from (a subclass of list is still a PyList, with a `__dict__`).
//  - a class (heap type) holds CPython's references as real objects: `tp_dict` (the namespace
//    dict, which OWNS the attribute references; `attrs` is its borrowed index for fast lookups,
//    kept in step by setAttr/deleteAttr), `tp_mro` and `tp_bases` tuples, and one reference to
//    `base`. Each instance owns a reference to its heap type (heap.ts track/deallocate), the
//    class's getset descriptors own one to their class. So a class is a GC cycle (itself →
//    __mro__ → itself) that dies in a collection, as in CPython. Static types keep `attrs` only.

import { PyObject } from './pyobject';
import type { PyDict } from './dict';
import type { SharedKeys } from './dictKeys';
import { immortalize } from '../memory/heap';
import { staticTypeAddress } from '../memory/staticAddresses';
import { decref, xdecref } from '../memory/heap';

let typeVersion = 0;

export type NewInstance = (type: PyType) => PyObject;

export class PyType extends PyObject {
  name: string;
  qualname: string;
  module = 'builtins';
  bases: PyType[];
  base: PyType | null;
  mro: PyType[] = [];
  readonly attrs = new Map<string, PyObject>();
  /** Builtin types are static (no `__dict__` writes, `__module__` is builtins); classes are heap types. */
  isHeapType = false;
  /** May user classes derive from it? (bool, NoneType, function... may not.) */
  isBaseType = true;
  /** Do instances carry a `__dict__`? */
  instancesHaveDict = false;
  /** The nearest static ancestor; decides the JS class of instances. */
  instanceLayout!: PyType;
  /** Makes a fresh instance of this type (tp_alloc + the layout's initialisation). */
  newInstance: NewInstance | null = null;
  /** Releases what an instance holds; the memory module frees the address afterwards. */
  tp_dealloc: (obj: PyObject) => void = defaultDealloc;
  /** CPython's tp_basicsize, for addresses (and later sys.getsizeof). */
  basicsize = 16;
  /** Py_TPFLAGS_HAVE_GC: instances carry a 16-byte PyGC_Head before the object (memory/heap.ts). */
  gcHeader = false;
  /** 3.11's Py_TPFLAGS_MANAGED_DICT: 16 more pre-header bytes for the dict/values pointers. */
  managedDict = false;
  /** The CPython free list exact instances use (heap.ts FREELIST_*); never inherited. */
  freeList = 0;
  /** Marks the exception hierarchy, so `except` checks are one field read. */
  isExceptionType = false;
  subclasses: PyType[] = [];
  /** Heap types: the namespace dict (owns the references `attrs` borrows), null for static types. */
  tp_dict: PyDict | null = null;
  /** Heap types: the `__mro__` tuple (its first item is the class itself: the class's own cycle). */
  tp_mro: PyObject | null = null;
  /** Heap types: the `__bases__` tuple. */
  tp_bases: PyObject | null = null;
  /** Heap types: id(subclass) → weakref, created with the first subclass (add_subclass). */
  tp_subclasses: PyDict | null = null;
  /** ht_cached_keys: the keys its instances' split `__dict__`s share (managed-dict classes). */
  cachedKeys: SharedKeys | null = null;
  private cacheVersion = -1;
  private cache = new Map<string, PyObject | null>();
  /** abstract.ts's attribute-dispatch bits, valid as long as the lookup cache (0: not computed). */
  private attrDispatch = 0;

  constructor(name: string, bases: PyType[], metatype: PyType | null = null) {
    super(metatype as PyType);
    this.name = name;
    this.qualname = name;
    this.bases = bases;
    this.base = bases.length > 0 ? bases[0] : null;
    if (bases.length > 0) {
      this.mro = computeMro(this);
      this.inheritHooks();
    } else {
      this.mro = [this];
    }
    for (const b of bases) b.subclasses.push(this);
  }

  inheritHooks(): void {
    const layout = solidBase(this);
    this.instanceLayout = layout;
    this.newInstance = layout.newInstance;
    this.tp_dealloc = layout.tp_dealloc;
    this.basicsize = layout.basicsize;
    this.gcHeader = layout.gcHeader || this.isHeapType;
    this.isExceptionType = this.mro.some((t) => t.isExceptionType);
  }

  /** _PyType_Lookup: the first definition of `name` along the MRO, or null. Borrowed. */
  lookup(name: string): PyObject | null {
    if (this.cacheVersion !== typeVersion) this.invalidateCache();
    let hit = this.cache.get(name);
    if (hit !== undefined) return hit;
    hit = null;
    const mro = this.mro;
    for (let i = 0; i < mro.length; i++) {
      const v = mro[i].attrs.get(name);
      if (v !== undefined) {
        hit = v;
        break;
      }
    }
    this.cache.set(name, hit);
    return hit;
  }

  private invalidateCache(): void {
    this.cache.clear();
    this.cacheVersion = typeVersion;
    this.attrDispatch = 0;
  }

  /** The bits abstract.ts derived from lookups for this version of every namespace, or 0. */
  cachedAttrDispatch(): number {
    if (this.cacheVersion !== typeVersion) this.invalidateCache();
    return this.attrDispatch;
  }

  setCachedAttrDispatch(bits: number): void {
    this.attrDispatch = bits;
  }

  /** Store in the namespace, taking a new reference to `value` and releasing the old one. */
  setAttr(name: string, value: PyObject): void {
    typeVersion++;
    const d = this.tp_dict;
    if (d !== null) {
      // the dict owns the reference (and releases the old value); attrs mirrors it
      this.attrs.set(name, value);
      d.setStr(name, value);
      return;
    }
    value.ob_refcnt++;
    const old = this.attrs.get(name);
    this.attrs.set(name, value);
    xdecref(old);
  }

  deleteAttr(name: string): boolean {
    const old = this.attrs.get(name);
    if (old === undefined) return false;
    typeVersion++;
    this.attrs.delete(name);
    const d = this.tp_dict;
    if (d !== null) {
      for (let i = 0; i < d.keys.length; i++) {
        const k = d.keys[i] as (PyObject & { value?: unknown }) | undefined;
        if (k !== undefined && k.value === name && d.values[i] === old) {
          const [key, value] = d.removeAt(i);
          decref(key);
          decref(value);
          return true;
        }
      }
      return true;
    }
    decref(old);
    return true;
  }

  /** type_clear / type_dealloc: the namespace goes (the dict owns the references). */
  clearNamespace(): void {
    typeVersion++;
    this.attrs.clear();
    const d = this.tp_dict;
    if (d !== null) d.clear();
  }

  isSubtypeOf(other: PyType): boolean {
    if (this === other) return true;
    const mro = this.mro;
    for (let i = 1; i < mro.length; i++) if (mro[i] === other) return true;
    return false;
  }
}

function defaultDealloc(obj: PyObject): void {
  const d = obj.dict;
  if (d !== null) {
    obj.dict = null;
    decref(d);
  }
}

/** The nearest static (builtin) type in the MRO: what instances are laid out as. */
function solidBase(type: PyType): PyType {
  for (const t of type.mro) if (!t.isHeapType) return t;
  return type.mro[type.mro.length - 1];
}

/** Thrown by computeMro with CPython's message; the caller turns it into a TypeError. */
export class MroError {
  constructor(readonly message: string) {}
}

/** C3 linearisation (typeobject.c mro_implementation), with CPython's error texts. */
export function computeMro(type: PyType): PyType[] {
  const bases = type.bases;
  for (let i = 0; i < bases.length; i++) {
    for (let j = i + 1; j < bases.length; j++) {
      if (bases[i] === bases[j]) throw new MroError(`duplicate base class ${bases[i].name}`);
    }
  }
  if (bases.length === 1) return [type, ...bases[0].mro];
  const seqs: PyType[][] = bases.map((b) => [...b.mro]);
  seqs.push([...bases]);
  const result: PyType[] = [type];
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length > 0);
    if (nonEmpty.length === 0) return result;
    let candidate: PyType | null = null;
    for (const s of nonEmpty) {
      const head = s[0];
      if (!nonEmpty.some((other) => other.indexOf(head) > 0)) {
        candidate = head;
        break;
      }
    }
    if (candidate === null) {
      // CPython lists the heads that could not be placed, in bases order, without duplicates.
      const names: string[] = [];
      for (const s of seqs.slice(0, -1)) {
        if (s.length > 0 && !names.includes(s[0].name)) names.push(s[0].name);
      }
      throw new MroError(
        `Cannot create a consistent method resolution\norder (MRO) for bases ${names.join(', ')}`,
      );
    }
    result.push(candidate);
    for (const s of seqs) if (s[0] === candidate) s.shift();
  }
}

/** Make a static builtin type. Its metatype is `type` (fixed up for the first two below). */
export function makeStaticType(name: string, base: PyType = objectType, options: Partial<PyType> = {}): PyType {
  const t = new PyType(name, [base], typeType);
  t.newInstance = base.newInstance;
  t.tp_dealloc = base.tp_dealloc;
  t.basicsize = base.basicsize;
  t.gcHeader = base.gcHeader;
  t.instancesHaveDict = base.instancesHaveDict && base !== objectType;
  Object.assign(t, options);
  // A static type is its own layout.
  t.instanceLayout = t;
  t.ob_addr = staticTypeAddress(t.module, t.name);
  immortalize(t);
  return t;
}

export const objectType: PyType = immortalize(new PyType('object', [], null));
export const typeType: PyType = immortalize(new PyType('type', [objectType], null));
objectType.ob_type = typeType;
typeType.ob_type = typeType;
objectType.ob_addr = staticTypeAddress('builtins', 'object');
typeType.ob_addr = staticTypeAddress('builtins', 'type');
objectType.instanceLayout = objectType;
typeType.instanceLayout = typeType;
typeType.basicsize = 904;
typeType.gcHeader = true;
typeType.instancesHaveDict = false;
typeType.newInstance = null;

/** What type_dealloc needs from class creation (objectMethods.ts sets it: it owns tp_subclasses). */
export const typeSupport = {
  /** remove_all_subclasses: drop `type`'s weakref entries from its bases' subclass tables. */
  removeSubclass(_type: PyType): void {},
};

/**
 * type_dealloc (a class's count reached zero: only heap types get here). CPython's order:
 * unregister from the bases, then tp_base, tp_dict, tp_bases, tp_mro, tp_subclasses.
 */
function typeDealloc(obj: PyObject): void {
  const t = obj as PyType;
  if (!t.isHeapType) return;
  typeSupport.removeSubclass(t);
  const base = t.base, dict = t.tp_dict, bases = t.tp_bases, mro = t.tp_mro, subclasses = t.tp_subclasses;
  t.tp_dict = null;
  t.tp_bases = t.tp_mro = null;
  t.tp_subclasses = null;
  t.attrs.clear();
  typeVersion++;
  xdecref(base);
  xdecref(dict);
  xdecref(bases);
  xdecref(mro);
  xdecref(subclasses);
}
typeType.tp_dealloc = typeDealloc;

export function bumpTypeVersion(): void {
  typeVersion++;
}
