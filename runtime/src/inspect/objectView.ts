// Object views for tools: CPython's repr and the object's internals (refcount, address, type,
// the references it holds), computed by reading fields only.
//
// Why not call the object's __repr__: that runs code in the VM — it would allocate a str (moving
// the simulated heap, so later id()s differ), touch refcounts and could run user Python. The
// debugger never changes what it observes, so the reprs of builtin types are rebuilt here from
// their fields, exactly as CPython spells them; an instance of a class with its own __repr__
// shows object.__repr__'s text and says so (`userRepr`).

import type { PyObject } from '../objects/pyobject';
import { PyType } from '../objects/typeobject';
import { PyInt, intToString } from '../objects/int';
import { PyFloat } from '../objects/float';
import { PyStr } from '../objects/str';
import { PyBytes } from '../objects/bytes';
import { PyTuple } from '../objects/tuple';
import { PyList } from '../objects/list';
import { PyDict } from '../objects/dict';
import { PySet } from '../objects/set';
import { PyCell } from '../objects/cell';
import { PyFunction } from '../objects/function';
import { PyMethod } from '../objects/method';
import { PyBuiltinFunction } from '../objects/builtinFunction';
import { PyModule } from '../objects/module';
import { PyCode } from '../objects/code';
import { PyRange } from '../objects/range';
import { PyBaseException } from '../objects/exceptions';
import { PyGenerator, GenState } from '../objects/generator';
import type { Frame } from '../vm/frame';
import { True, False } from '../objects/bool';
import { None, NotImplemented, Ellipsis } from '../objects/none';
import { IMMORTAL_REFCNT } from '../memory/heap';
import { reprStr, reprBytes } from '../text/repr';
import { floatRepr } from '../text/formatFloat';

/** Reprs longer than this are cut (the full object is still browsable as children). */
const MAX_REPR = 2000;

export function hexAddress(o: PyObject): string {
  return '0x' + o.ob_addr.toString(16);
}

export function typeName(o: PyObject): string {
  return o.ob_type.name;
}

/** `module.qualname` as CPython's type repr spells it (no module for builtins). */
export function qualifiedTypeName(t: PyType): string {
  const mod = t.isHeapType ? moduleOf(t) : t.module;
  return mod === 'builtins' ? t.qualname : `${mod}.${t.qualname}`;
}

function moduleOf(t: PyType): string {
  const m = t.attrs.get('__module__');
  return m instanceof PyStr ? m.value : 'builtins';
}

/** True for objects the runtime never frees (types, None, small ints): their count is not CPython's. */
export function isStatic(o: PyObject): boolean {
  return o.ob_refcnt >= IMMORTAL_REFCNT / 2;
}

/** Does the object's class define its own __repr__ in Python (which the debugger will not run)? */
export function hasUserRepr(o: PyObject): boolean {
  const t = o.ob_type;
  if (!t.isHeapType) return false;
  return t.lookup('__repr__') instanceof PyFunction;
}

/** CPython's repr(o), read from fields only. */
export function safeRepr(o: PyObject): string {
  const out = reprInto(o, new Set());
  return out.length > MAX_REPR ? out.slice(0, MAX_REPR) + '…' : out;
}

function reprInto(o: PyObject, active: Set<PyObject>): string {
  if (o === None) return 'None';
  if (o === True) return 'True';
  if (o === False) return 'False';
  if (o === NotImplemented) return 'NotImplemented';
  if (o === Ellipsis) return 'Ellipsis';
  if (hasUserRepr(o)) return `<${qualifiedTypeName(o.ob_type)} object at ${hexAddress(o)}>`;
  if (o instanceof PyInt) return intToString(o.value);
  if (o instanceof PyFloat) return floatRepr(o.value);
  if (o instanceof PyStr) return reprStr(o.value);
  if (o instanceof PyBytes) return reprBytes(o.data);
  if (o instanceof PyType) return `<class '${qualifiedTypeName(o)}'>`;
  if (o instanceof PyCell) {
    const c = o.contents;
    return c === null ? `<cell at ${hexAddress(o)}: empty>` : `<cell at ${hexAddress(o)}: ${typeName(c)} object at ${hexAddress(c)}>`;
  }
  if (o instanceof PyFunction) return `<function ${o.qualname} at ${hexAddress(o)}>`;
  if (o instanceof PyBuiltinFunction) {
    if (o.self === null || o.self instanceof PyModule) return `<built-in function ${o.name}>`;
    return `<built-in method ${o.name} of ${typeName(o.self)} object at ${hexAddress(o.self)}>`;
  }
  if (o instanceof PyMethod) {
    const f = o.func;
    const name = f instanceof PyFunction ? f.qualname : typeName(f);
    return `<bound method ${name} of ${reprInto(o.self, active)}>`;
  }
  if (o instanceof PyModule) return o.name === 'builtins' || o.name === 'sys' ? `<module '${o.name}' (built-in)>` : `<module '${o.name}'>`;
  if (o instanceof PyCode) {
    const co = o.co;
    return `<code object ${co.co_name} at ${hexAddress(o)}, file "${co.co_filename}", line ${co.co_firstlineno}>`;
  }
  if (o instanceof PyRange) return o.step === 1 ? `range(${o.start}, ${o.stop})` : `range(${o.start}, ${o.stop}, ${o.step})`;
  if (o instanceof PyGenerator) return `<${typeName(o)} object ${o.qualname} at ${hexAddress(o)}>`;
  if (o instanceof PyBaseException) {
    const args = o.args?.items ?? [];
    const inner = args.length === 1 ? reprInto(args[0], active) : args.map((a) => reprInto(a, active)).join(', ');
    return `${o.ob_type.name}(${inner})`;
  }
  // Containers: a container already being printed shows as CPython's Py_ReprEnter does.
  if (o instanceof PyList || o instanceof PyTuple || o instanceof PyDict || o instanceof PySet) {
    if (active.has(o)) return o instanceof PyList ? '[...]' : o instanceof PyDict ? '{...}' : '(...)';
    active.add(o);
    try {
      return containerRepr(o, active);
    } finally {
      active.delete(o);
    }
  }
  return `<${qualifiedTypeName(o.ob_type)} object at ${hexAddress(o)}>`;
}

/**
 * `open` + the items' reprs joined by ', ' + `close` — or, once that passes MAX_REPR characters,
 * just its beginning (longer than MAX_REPR): safeRepr cuts there anyway, and a list of a million
 * items is not rendered whole for its first 2,000 characters.
 */
function joinedRepr(open: string, count: number, itemRepr: (i: number) => string, close: string): string {
  let out = open;
  for (let i = 0; i < count; i++) {
    if (i > 0) out += ', ';
    out += itemRepr(i);
    if (out.length > MAX_REPR) return out;
  }
  return out + close;
}

function containerRepr(o: PyList | PyTuple | PyDict | PySet, active: Set<PyObject>): string {
  const sub = (x: PyObject) => reprInto(x, active);
  const named = o.ob_type.isHeapType ? `${o.ob_type.name}(` : '';
  const close = named ? ')' : '';
  if (o instanceof PyList) return joinedRepr(`${named}[`, o.items.length, (i) => sub(o.items[i]), `]${close}`);
  if (o instanceof PyTuple) return joinedRepr(`${named}(`, o.items.length, (i) => sub(o.items[i]), `${o.items.length === 1 ? ',' : ''})${close}`);
  if (o instanceof PyDict) {
    const entries = o.entries();
    return joinedRepr(`${named}{`, entries.length, (i) => `${sub(entries[i][0])}: ${sub(entries[i][1])}`, `}${close}`);
  }
  const keys = o.table.keyList();
  const isFrozen = o.ob_type.name === 'frozenset' || o.ob_type.mro.some((t) => t.name === 'frozenset' && !t.isHeapType);
  if (keys.length === 0) return `${o.ob_type.name}()`;
  const wrap = isFrozen || o.ob_type.isHeapType;
  return joinedRepr(wrap ? `${o.ob_type.name}({` : '{', keys.length, (i) => sub(keys[i]), wrap ? '})' : '}');
}

/** One named reference an object holds (an item, an attribute, a cell's contents). */
export interface ObjectChild {
  name: string;
  value: PyObject | null;
}

/** The references `o` holds, as a debugger lists them: items, entries, attributes. Borrowed. */
export function objectChildren(o: PyObject): ObjectChild[] {
  const out: ObjectChild[] = [];
  if (o instanceof PyCell) out.push({ name: 'cell_contents', value: o.contents });
  else if (o instanceof PyList || o instanceof PyTuple) o.items.forEach((v, i) => out.push({ name: `[${i}]`, value: v }));
  else if (o instanceof PyDict) for (const [k, v] of o.entries()) out.push({ name: `[${reprInto(k, new Set())}]`, value: v });
  else if (o instanceof PySet) o.table.keyList().forEach((v, i) => out.push({ name: `<${i}>`, value: v }));
  else if (o instanceof PyFunction) {
    out.push({ name: '__code__', value: o.code });
    if (o.closure !== null) out.push({ name: '__closure__', value: o.closure });
    if (o.defaults !== null) out.push({ name: '__defaults__', value: o.defaults });
  } else if (o instanceof PyMethod) {
    out.push({ name: '__func__', value: o.func }, { name: '__self__', value: o.self });
  } else if (o instanceof PyBaseException) {
    out.push({ name: 'args', value: o.args });
    if (o.context !== null) out.push({ name: '__context__', value: o.context });
    if (o.cause !== null) out.push({ name: '__cause__', value: o.cause });
  }
  if (o.dict !== null && !(o instanceof PyType)) {
    for (const [k, v] of o.dict.entries()) out.push({ name: k instanceof PyStr ? k.value : reprInto(k, new Set()), value: v });
  }
  if (o instanceof PyType) {
    for (const [k, v] of o.attrs) out.push({ name: k, value: v });
  }
  return out;
}

/** Internals of one object, as CPython's object header and id() show them. */
export interface ObjectInternals {
  /** ob_refcnt: the references the program holds (sys.getrefcount(x) reports one more, its argument). */
  refcount: number;
  /** The runtime never frees it (types, None, small ints): the count is not CPython's. */
  isStatic: boolean;
  /** id(x): the simulated address. */
  address: string;
  type: string;
  /** The block size the memory model gave the object. */
  size: number;
}

export function objectInternals(o: PyObject): ObjectInternals {
  return { refcount: o.ob_refcnt, isStatic: isStatic(o), address: hexAddress(o), type: qualifiedTypeName(o.ob_type), size: o.ob_size };
}

/** A generator's (or coroutine's) state as inspect.getgeneratorstate spells it, and its frame while it has one. */
export function generatorInfo(o: PyObject): { state: string; frame: Frame | null } | null {
  if (!(o instanceof PyGenerator)) return null;
  const prefix = o.ob_type.name === 'coroutine' ? 'CORO' : o.ob_type.name === 'async_generator' ? 'AGEN' : 'GEN';
  const state = ['CREATED', 'SUSPENDED', 'RUNNING', 'CLOSED'][o.state];
  return { state: `${prefix}_${state}`, frame: o.state === GenState.Closed ? null : (o.frame as Frame | null) };
}

/** A class's __mro__ as CPython's repr of the tuple shows it, or null for non-classes. */
export function mroText(o: PyObject): string | null {
  if (!(o instanceof PyType)) return null;
  return `(${o.mro.map((t) => `<class '${qualifiedTypeName(t)}'>`).join(', ')})`;
}
