// The builtins module (Python/bltinmodule.c): the functions and types every program sees.
// Each builtin is a native function with the vectorcall-like convention of builtinFunction.ts.

import type { PyObject } from '../objects/pyobject';
import { PyType, objectType, typeType } from '../objects/typeobject';
import { PyDict, newDict, dictType } from '../objects/dict';
import { newModule, PyModule } from '../objects/module';
import { newBuiltinFunction, type NativeMethod } from '../objects/builtinFunction';
import { PyInt, intType, newInt, newIntValue, subValues } from '../objects/int';
import { boolType, newBool, True, False } from '../objects/bool';
import { PyFloat, floatType, newFloat } from '../objects/float';
import { complexType } from '../objects/complex';
import { memoryviewType } from '../objects/memoryview';
import { applyTypeDocs } from '../objects/typeDocs';
import { PyStr, strType, newStr, internStr } from '../objects/str';
import { PyTuple, tupleType, newTupleSteal, newTuple } from '../objects/tuple';
import { PyList, listType, newListSteal, listExtended } from '../objects/list';
import { setType, frozensetType } from '../objects/set';
import { rangeType } from '../objects/range';
import { sliceType } from '../objects/slice';
import { PyBytes, bytesType, bytearrayType } from '../objects/bytes';
import { None, NotImplemented, Ellipsis } from '../objects/none';
import { propertyType, classMethodType, staticMethodType } from '../objects/descriptors';
import { PyFunction } from '../objects/function';
import { PyCell } from '../objects/cell';
import { newIterator } from '../objects/iterator';
import { builtinExceptionTypes, newException, TypeError, ValueError, OverflowError, StopIteration, PyBaseException, EOFError, AttributeError } from '../objects/exceptions';
import { splitArgs, arity } from '../objects/define';
import { calculateMetaclass, dirNames, hexAddr } from '../objects/objectMethods';
import { listSort, isExactSeq, lengthHint } from '../objects/sequenceMethods';
import { asciiRepr } from '../objects/strMethods';
import * as A from '../objects/abstract';
import { newRef, decref, xdecref } from '../memory/heap';
import { format } from '../vm/formatting';
import type { Interpreter } from '../vm/interpreter';
import { superType } from '../objects/super';
import { defineExecEval, frameLocalsMapping } from './execEval';
import { defineOpen, defineHelp } from './fileOpen';
import { newAnextAwaitable } from '../objects/asyncGenerator';
import { defineClassGetItem } from '../objects/genericAlias';
import '../objects/exceptionFields';
import { enumerateType, zipType, mapType, filterType, reversedType } from './builtinsIterators';

/**
 * Positional arity of the builtins that take no keywords, checked before they run, with
 * CPython's messages ("len() takes exactly one argument (0 given)", "getattr expected at least 2
 * arguments, got 1").
 */
const ARITY: Record<string, [number, number]> = {
  len: [1, 1], repr: [1, 1], ascii: [1, 1], id: [1, 1], hash: [1, 1], callable: [1, 1], abs: [1, 1],
  chr: [1, 1], ord: [1, 1], isinstance: [2, 2], issubclass: [2, 2], getattr: [2, 3], setattr: [3, 3],
  delattr: [2, 2], hasattr: [2, 2], iter: [1, 2], next: [1, 2], divmod: [2, 2], format: [1, 2],
  dir: [0, 1], vars: [0, 1], globals: [0, 0], locals: [0, 0], any: [1, 1], all: [1, 1],
};

/** Argument Clinic's parsing for `name(p0, p1, ...)` with the first `required` mandatory; absent optional ones are undefined. */
function clinicArgs(name: string, args: PyObject[], kwnames: string[] | null, params: string[], required: number): (PyObject | undefined)[] {
  const [pos, kw] = splitArgs(args, kwnames);
  if (pos.length > params.length) {
    throw newException(TypeError, `${name}() takes at most ${params.length} argument${params.length === 1 ? '' : 's'} (${pos.length} given)`);
  }
  const out: (PyObject | undefined)[] = params.map((_, i) => pos[i]);
  for (const [key, value] of kw) {
    const i = params.indexOf(key);
    if (i < 0) throw newException(TypeError, `${name}() got an unexpected keyword argument '${key}'`);
    if (i < pos.length) throw newException(TypeError, `argument for ${name}() given by name ('${key}') and position (${i + 1})`);
    out[i] = value;
  }
  for (let i = 0; i < required; i++) {
    if (out[i] === undefined) throw newException(TypeError, `${name}() missing required argument '${params[i]}' (pos ${i + 1})`);
  }
  return out;
}

/** A str for a moment (the callee takes its own reference). */
function newStrTemp(text: string): PyObject {
  const s = newStr(text);
  s.ob_refcnt--;
  return s;
}

/**
 * update_bases (bltinmodule.c): a base that is not a class but has __mro_entries__ (list[int],
 * typing's aliases) is replaced by the classes it returns. The same tuple (a new reference) when
 * nothing changes.
 */
function updateBases(bases: PyTuple): PyTuple {
  let out: PyObject[] | null = null;
  for (let i = 0; i < bases.items.length; i++) {
    const base = bases.items[i];
    const entries = base instanceof PyType ? null : A.getAttrOrNull(base, '__mro_entries__');
    if (entries === null) {
      out?.push(newRef(base));
      continue;
    }
    let got: PyObject;
    try {
      got = A.call(entries, [bases]);
    } finally {
      decref(entries);
    }
    if (!(got instanceof PyTuple)) {
      decref(got);
      if (out !== null) for (const x of out) decref(x);
      throw newException(TypeError, '__mro_entries__ must return a tuple');
    }
    out ??= bases.items.slice(0, i).map((x) => newRef(x));
    for (const x of got.items) out.push(newRef(x));
    decref(got);
  }
  return out === null ? newRef(bases) : newTupleSteal(out);
}

/** PyObject_SetAttr's check of the name that setattr/delattr pass on. */
function attributeName(name: PyObject): string {
  if (!(name instanceof PyStr)) throw newException(TypeError, `attribute name must be string, not '${A.typeName(name)}'`);
  return name.value;
}

export function makeBuiltins(interp: Interpreter): PyModule {
  const d = newDict();
  const m = newModule('builtins', d);
  const def = (name: string, fn: NativeMethod) => {
    const limits = ARITY[name];
    const checked: NativeMethod = limits === undefined ? fn : (self, args, kwnames) => {
      arity(name, args, kwnames, limits[0], limits[1]);
      return fn(self, args, kwnames);
    };
    const f = newBuiltinFunction(name, checked, m);
    d.setStr(name, f);
    decref(f);
  };
  const put = (name: string, v: PyObject) => d.setStr(name, v);

  for (const [name, t] of [
    ['object', objectType], ['type', typeType], ['int', intType], ['bool', boolType], ['float', floatType],
    ['complex', complexType], ['memoryview', memoryviewType],
    ['str', strType], ['tuple', tupleType], ['list', listType], ['dict', dictType], ['set', setType],
    ['frozenset', frozensetType], ['range', rangeType], ['slice', sliceType], ['bytes', bytesType],
    ['bytearray', bytearrayType], ['property', propertyType], ['classmethod', classMethodType],
    ['staticmethod', staticMethodType], ['enumerate', enumerateType], ['zip', zipType], ['map', mapType],
    ['filter', filterType], ['reversed', reversedType],
  ] as [string, PyType][]) put(name, t);
  defineClassGetItem([listType, dictType, tupleType, setType, frozensetType, enumerateType]);
  applyTypeDocs([objectType, typeType, intType, boolType, floatType, complexType, strType, tupleType, listType,
    dictType, setType, frozensetType, rangeType, sliceType, bytesType, bytearrayType]);
  for (const [name, t] of builtinExceptionTypes()) put(name, t);
  put('EnvironmentError', builtinExceptionTypes().get('OSError')!);
  put('IOError', builtinExceptionTypes().get('OSError')!);
  put('None', None);
  put('NotImplemented', NotImplemented);
  put('Ellipsis', Ellipsis);
  put('True', True);
  put('False', False);
  put('__debug__', True);

  const out = (text: string, file: PyObject | null) => {
    if (file === null || file === None) {
      interp.host.writeStdout(text);
      return;
    }
    const t = newStr(text);
    try {
      decref(A.callMethod(file, 'write', [t]));
    } finally {
      decref(t);
    }
  };

  const PRINT_KEYWORDS = ['sep', 'end', 'file', 'flush'];
  const printText = (o: PyObject | undefined, what: string, dflt: string): string => {
    if (o === undefined || o === None) return dflt;
    if (!(o instanceof PyStr)) throw newException(TypeError, `${what} must be None or a string, not ${A.typeName(o)}`);
    return o.value;
  };

  // print() writes each piece with its own file.write call, as CPython's builtin_print does
  // (str(arg), sep, ..., end), so output interleaves with other threads' writes the same way.
  // builtin_print's argument clinic allocates what gen0 counts: the parser's kwnames tuple on the
  // first call (kept for the process) and each call's *args tuple (_PyArg_UnpackKeywordsWithVararg,
  // from the tuple free list, so it counts when that free list is empty, as after gc.collect()).
  let printKwtuple: PyTuple | null = null;
  def('print', (_s, args, kwnames) => {
    const [pos, kw] = splitArgs(args, kwnames);
    printKwtuple ??= newTupleSteal(PRINT_KEYWORDS.map((k) => internStr(k)));
    const varargs = newTuple(pos);
    try {
      printPieces(pos, kw);
    } finally {
      decref(varargs);
    }
    return newRef(None);
  });
  const printPieces = (pos: PyObject[], kw: Map<string, PyObject>): void => {
    for (const k of kw.keys()) {
      if (!PRINT_KEYWORDS.includes(k)) throw newException(TypeError, `'${k}' is an invalid keyword argument for print()`);
    }
    const sep = printText(kw.get('sep'), 'sep', ' ');
    const end = printText(kw.get('end'), 'end', '\n');
    const fileArg = kw.get('file');
    const file = fileArg === undefined || fileArg === None ? interp.sysAttr('stdout') : fileArg;
    if (fileArg !== undefined && fileArg !== None) {
      const write = A.getAttrOrNull(file!, 'write');
      if (write === null) throw newException(AttributeError, `'${A.typeName(file!)}' object has no attribute 'write'`);
      decref(write);
    }
    for (let i = 0; i < pos.length; i++) {
      if (i > 0) out(sep, file);
      out(A.str(pos[i]), file);
    }
    out(end, file);
    const flush = kw.get('flush');
    if (flush !== undefined && A.isTrue(flush) && file !== null && file !== None) decref(A.callMethod(file, 'flush', []));
  };
  def('len', (_s, args) => newInt(A.length(args[0])));
  def('repr', (_s, args) => A.reprObj(args[0]));
  def('ascii', (_s, args) => newStr(asciiRepr(A.repr(args[0]))));
  def('id', (_s, args) => newInt(args[0].ob_addr));
  def('hash', (_s, args) => newIntValue(A.hashFull(args[0])));
  def('isinstance', (_s, args) => newBool(A.isInstance(args[0], args[1])));
  def('issubclass', (_s, args) => newBool(A.isSubclass(args[0], args[1])));
  def('callable', (_s, args) => newBool(args[0] instanceof PyFunction || args[0].ob_type.lookup('__call__') !== null));
  def('getattr', (_s, args) => {
    if (!(args[1] instanceof PyStr)) throw newException(TypeError, `attribute name must be string, not '${A.typeName(args[1])}'`);
    if (args.length > 2) {
      // An AttributeError raised on the way (a descriptor, a custom __getattribute__) means "use the default".
      try {
        const v = A.getAttrOrNull(args[0], args[1].value);
        return v ?? newRef(args[2]);
      } catch (e) {
        if (!(e instanceof PyBaseException && e.ob_type.isSubtypeOf(AttributeError))) throw e;
        decref(e);
        return newRef(args[2]);
      }
    }
    return A.getAttr(args[0], args[1].value);
  });
  def('setattr', (_s, args) => {
    A.setAttr(args[0], attributeName(args[1]), args[2]);
    return newRef(None);
  });
  def('delattr', (_s, args) => {
    A.setAttr(args[0], attributeName(args[1]), null);
    return newRef(None);
  });
  def('hasattr', (_s, args) => {
    if (!(args[1] instanceof PyStr)) throw newException(TypeError, `attribute name must be string, not '${A.typeName(args[1])}'`);
    return newBool(A.hasAttr(args[0], args[1].value));
  });
  def('iter', (_s, args) => {
    if (args.length === 2) {
      const [fn, sentinel] = args;
      if (!(fn instanceof PyFunction) && fn.ob_type.lookup('__call__') === null) throw newException(TypeError, 'iter(v, w): v must be callable');
      return newIterator('callable_iterator', fn, () => {
        const v = A.call(fn, []);
        if (A.compareBool(v, sentinel, A.EQ)) { decref(v); return null; }
        return v;
      });
    }
    return A.getIter(args[0]);
  });
  def('next', (_s, args) => {
    const it = args[0];
    if (it.ob_type.lookup('__next__') === null) throw newException(TypeError, `'${A.typeName(it)}' object is not an iterator`);
    if (args.length > 1) {
      const v = A.iterNext(it);
      return v ?? newRef(args[1]);
    }
    const m = it.ob_type.lookup('__next__')!;
    return A.callBound(m, it, []);
  });
  def('aiter', (_s, args) => {
    const o = args[0];
    const m = o.ob_type.lookup('__aiter__');
    if (m === null) throw newException(TypeError, `'${A.typeName(o)}' object is not an async iterable`);
    const it = A.callBound(m, o, []);
    if (it.ob_type.lookup('__anext__') === null) {
      const n = A.typeName(it);
      decref(it);
      throw newException(TypeError, `aiter() returned not an async iterator of type '${n}'`);
    }
    return it;
  });
  def('anext', (_s, args) => {
    const it = args[0];
    const m = it.ob_type.lookup('__anext__');
    if (m === null) throw newException(TypeError, `'${A.typeName(it)}' object is not an async iterator`);
    const awaitable = A.callBound(m, it, []);
    if (args.length < 2) return awaitable;
    try {
      return newAnextAwaitable(awaitable, args[1]);
    } finally {
      decref(awaitable);
    }
  });
  def('abs', (_s, args) => {
    const x = args[0];
    if (x.ob_type === intType) { const v = (x as PyInt).value; return newIntValue(v < 0 ? subValues(0, v) : v); }
    if (x.ob_type === floatType) return newFloat(Math.abs((x as PyFloat).value));
    const m = x.ob_type.lookup('__abs__');
    if (m === null) throw newException(TypeError, `bad operand type for abs(): '${A.typeName(x)}'`);
    return A.callBound(m, x, []);
  });
  def('round', (_s, args, kwnames) => {
    const [x, nd] = clinicArgs('round', args, kwnames, ['number', 'ndigits'], 1) as [PyObject, PyObject | undefined];
    const m = x.ob_type.lookup('__round__');
    if (m === null) throw newException(TypeError, `type ${A.typeName(x)} doesn't define __round__ method`);
    return A.callBound(m, x, nd === undefined || nd === None ? [] : [nd]);
  });
  def('divmod', (_s, args) => {
    const [a, b] = args;
    let r = a.ob_type.lookup('__divmod__');
    if (r !== null) {
      const v = A.callBound(r, a, [b]);
      if (v !== NotImplemented) return v;
      decref(v);
    }
    r = b.ob_type.lookup('__rdivmod__');
    if (r !== null) {
      const v = A.callBound(r, b, [a]);
      if (v !== NotImplemented) return v;
      decref(v);
    }
    throw newException(TypeError, `unsupported operand type(s) for divmod(): '${A.typeName(a)}' and '${A.typeName(b)}'`);
  });
  def('pow', (_s, args, kwnames) => {
    const [base, exp, mod] = clinicArgs('pow', args, kwnames, ['base', 'exp', 'mod'], 2) as [PyObject, PyObject, PyObject | undefined];
    if (mod === undefined || mod === None) return A.binaryOp(base, exp, 8);
    // ternary_op: the base's __pow__, then the exponent's __rpow__ (the modulus's own slot is
    // never a different one for the built-in numbers).
    const tries: [PyObject, string, PyObject][] = [[base, '__pow__', exp]];
    if (exp.ob_type !== base.ob_type) tries.push([exp, '__rpow__', base]);
    for (const [self, name, other] of tries) {
      const slot = self.ob_type.lookup(name);
      if (slot === null) continue;
      const r = A.callBound(slot, self, [other, mod]);
      if (r !== NotImplemented) return r;
      decref(r);
    }
    // ternary_op's third slot: float's and complex's nb_power refuse any modulus.
    if (mod.ob_type !== base.ob_type && mod.ob_type !== exp.ob_type) {
      if (mod instanceof PyFloat) throw newException(TypeError, 'pow() 3rd argument not allowed unless all arguments are integers');
      if (mod.ob_type === complexType) throw newException(ValueError, 'complex modulo');
    }
    throw newException(TypeError, `unsupported operand type(s) for ** or pow(): '${A.typeName(base)}', '${A.typeName(exp)}', '${A.typeName(mod)}'`);
  });
  def('chr', (_s, args) => {
    // builtin_chr parses a C int first (so 2**70 overflows before the range check).
    const v = A.indexValue(args[0]);
    if (typeof v === 'bigint' || v > 0x7fffffff || v < -0x80000000) throw newException(OverflowError, 'Python int too large to convert to C int');
    if (v < 0 || v > 0x10ffff) throw newException(ValueError, 'chr() arg not in range(0x110000)');
    return newStr(String.fromCodePoint(v));
  });
  def('ord', (_s, args) => {
    const x = args[0];
    let size: number;
    if (x instanceof PyStr) {
      const cps = [...x.value];
      if (cps.length === 1) return newInt(cps[0].codePointAt(0)!);
      size = cps.length;
    } else if (x instanceof PyBytes) {
      if (x.data.length === 1) return newInt(x.data[0]);
      size = x.data.length;
    } else throw newException(TypeError, `ord() expected string of length 1, but ${A.typeName(x)} found`);
    throw newException(TypeError, `ord() expected a character, but string of length ${size} found`);
  });
  const radix = (name: string, base: number, prefix: string) => def(name, (_s, args) => {
    const v = A.indexValue(args[0]);
    const neg = v < 0;
    const abs = neg ? -(v as number) : v;
    return newStr((neg ? '-' : '') + prefix + (typeof abs === 'bigint' ? abs : abs).toString(base));
  });
  radix('bin', 2, '0b');
  radix('oct', 8, '0o');
  radix('hex', 16, '0x');
  def('format', (_s, args) => {
    const spec = args[1];
    if (spec !== undefined && !(spec instanceof PyStr)) throw newException(TypeError, `format() argument 2 must be str, not ${A.typeName(spec)}`);
    return format(args[0], spec === undefined ? '' : spec.value);
  });
  // builtin_sum (clinic: iterable, /, start=0). The running total is released on every way out,
  // so a failing sum leaves the start value's refcount as it found it.
  def('sum', (_s, args, kwnames) => {
    const [pos, kw] = splitArgs(args, kwnames);
    const given = pos.length + kw.size;
    if (given > 2) throw newException(TypeError, `sum() takes at most 2 arguments (${given} given)`);
    if (pos.length === 0) throw newException(TypeError, 'sum() takes at least 1 positional argument (0 given)');
    for (const k of kw.keys()) if (k !== 'start') throw newException(TypeError, `'${k}' is an invalid keyword argument for sum()`);
    const start = pos[1] ?? kw.get('start');
    if (start instanceof PyStr) throw newException(TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (start !== undefined && start.ob_type === bytesType) throw newException(TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    if (start !== undefined && start.ob_type === bytearrayType) throw newException(TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
    let acc: PyObject = start !== undefined ? newRef(start) : newInt(0);
    try {
      A.forEach(pos[0], (x) => {
        const r = A.binaryOp(acc, x, 0);
        decref(acc);
        acc = r;
      });
    } catch (e) {
      decref(acc);
      throw e;
    }
    return acc;
  });
  const minmax = (name: string, op: number) => def(name, (_s, args, kwnames) => {
    const [pos, kw] = splitArgs(args, kwnames);
    // min_max: positional count, then the keyword-only (key, default) parse, then the default's check.
    if (pos.length === 0) throw newException(TypeError, `${name} expected at least 1 argument, got 0`);
    if (kw.size > 2) throw newException(TypeError, `${name}() takes at most 2 keyword arguments (${kw.size} given)`);
    for (const k of kw.keys()) {
      if (k !== 'key' && k !== 'default') throw newException(TypeError, `'${k}' is an invalid keyword argument for ${name}()`);
    }
    const key = kw.get('key');
    const dflt = kw.get('default');
    if (pos.length > 1 && dflt !== undefined) {
      throw newException(TypeError, `Cannot specify a default for ${name}() with multiple positional arguments`);
    }
    const items = pos.length === 1 ? A.toArray(pos[0]) : pos.map((x) => newRef(x));
    try {
      if (items.length === 0) {
        if (dflt !== undefined) return newRef(dflt);
        throw newException(ValueError, `${name}() arg is an empty sequence`);
      }
      let best = items[0];
      let bestKey = key !== undefined && key !== None ? A.call(key, [best]) : newRef(best);
      for (let i = 1; i < items.length; i++) {
        const k = key !== undefined && key !== None ? A.call(key, [items[i]]) : newRef(items[i]);
        if (A.compareBool(k, bestKey, op)) {
          decref(bestKey);
          bestKey = k;
          best = items[i];
        } else decref(k);
      }
      decref(bestKey);
      return newRef(best);
    } finally {
      for (const x of items) decref(x);
    }
  });
  minmax('min', A.LT);
  minmax('max', A.GT);
  def('sorted', (_s, args, kwnames) => {
    const [pos, kw] = splitArgs(args, kwnames);
    if (pos.length !== 1) throw newException(TypeError, `sorted expected 1 argument, got ${pos.length}`);
    // builtin_sorted passes its keywords on to list.sort, whose parser refuses any other.
    for (const k of kw.keys()) {
      if (k !== 'key' && k !== 'reverse') throw newException(TypeError, `'${k}' is an invalid keyword argument for sort()`);
    }
    // PySequence_List: an empty list extended by the iterable (so sized like list(x)).
    const l = newListSteal([]);
    l.items = A.toArray(pos[0]);
    listExtended(l, 0, isExactSeq(pos[0]), lengthHint(pos[0]));
    try {
      listSort(l, kw.get('key') ?? null, kw.has('reverse') ? A.isTrue(kw.get('reverse')!) : false);
    } catch (e) {
      decref(l);
      throw e;
    }
    return l;
  });
  def('all', (_s, args) => {
    const it = A.getIter(args[0]);
    try {
      for (let v = A.iterNext(it); v !== null; v = A.iterNext(it)) {
        const t = A.isTrue(v);
        decref(v);
        if (!t) return newBool(false);
      }
      return newBool(true);
    } finally { decref(it); }
  });
  def('any', (_s, args) => {
    const it = A.getIter(args[0]);
    try {
      for (let v = A.iterNext(it); v !== null; v = A.iterNext(it)) {
        const t = A.isTrue(v);
        decref(v);
        if (t) return newBool(true);
      }
      return newBool(false);
    } finally { decref(it); }
  });
  def('input', (_s, args) => {
    if (args.length > 0) interp.host.writeStdout(A.str(args[0]));
    const line = interp.host.readStdinLine();
    if (line === null) throw newException(EOFError, 'EOF when reading a line');
    return newStr(line.endsWith('\n') ? line.slice(0, -1) : line);
  });
  def('dir', (_s, args) => {
    if (args.length === 0) {
      const f = interp.frame!;
      const names = f.locals instanceof PyDict ? f.locals.keyList().map((k) => A.str(k)) : f.code.co.co_varnames.filter((_n, i) => f.fast[i] !== null);
      return newListSteal(names.sort().map((n) => newStr(n)));
    }
    const m = args[0].ob_type.lookup('__dir__');
    const r = m !== null ? A.callBound(m, args[0], []) : newListSteal(dirNames(args[0]).map((n) => newStr(n)));
    const l = newListSteal(A.toArray(r));
    decref(r);
    listSort(l, null, false);
    return l;
  });
  def('vars', (_s, args) => {
    if (args.length === 0) return frameLocalsMapping(interp.callerFrame());
    const v = A.getAttrOrNull(args[0], '__dict__');
    if (v === null) throw newException(TypeError, 'vars() argument must have __dict__ attribute');
    return v;
  });
  def('globals', () => newRef(interp.callerFrame().globals));
  def('locals', () => frameLocalsMapping(interp.callerFrame()));
  def('__build_class__', (_s, args, kwnames) => {
    const [pos, kw] = splitArgs(args, kwnames);
    const func = pos[0];
    if (!(func instanceof PyFunction)) throw newException(TypeError, '__build_class__: func must be a function');
    const name = pos[1];
    if (!(name instanceof PyStr)) throw newException(TypeError, '__build_class__: name is not a string');
    const origBases = newTuple(pos.slice(2));
    const bases = updateBases(origBases);
    try {
      let meta: PyObject = kw.get('metaclass') ?? (bases.items.length > 0 ? bases.items[0].ob_type : typeType);
      kw.delete('metaclass');
      if (meta instanceof PyType) meta = calculateMetaclass(meta, bases.items);
      const prepare = A.getAttrOrNull(meta, '__prepare__');
      let ns: PyObject;
      if (prepare !== null) {
        const kn = [...kw.keys()];
        ns = A.call(prepare, [name, bases, ...kw.values()], kn.length ? kn : null);
        decref(prepare);
      } else ns = newDict();
      try {
        if (bases !== origBases) A.setItem(ns, newStrTemp('__orig_bases__'), origBases);
        const cell = interp.runCode(func.code, func.globals, ns, func);
        const kn = [...kw.keys()];
        const cls = A.call(meta, [name, bases, ns, ...kw.values()], kn.length ? kn : null);
        if (cell instanceof PyCell && cls instanceof PyType && cell.contents !== cls) {
          // type_new set the cell already when it saw __classcell__; a custom metaclass might not have.
          if (cell.contents === null) cell.contents = newRef(cls);
        }
        decref(cell);
        return cls;
      } finally {
        decref(ns);
      }
    } finally {
      decref(bases);
      decref(origBases);
    }
  });
  def('__import__', (_s, args) => interp.importName(A.str(args[0]), args[3] ?? None, args.length > 4 ? Number((args[4] as PyInt).value) : 0, interp.frame!.globals));
  defineExecEval(interp, def);
  defineOpen(interp, def);
  defineHelp(interp, def);
  put('super', superType);
  void PyTuple; void PyList; void PyBaseException; void StopIteration; void AttributeError; void hexAddr; void xdecref; void True;
  return m;
}
