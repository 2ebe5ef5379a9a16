// The sys module (Python/sysmodule.c): argv, path, modules, exit, recursion limit, version info,
// getrefcount/getsizeof over the memory model, and stdout/stderr file objects on the host.

import type { PyObject } from '../objects/pyobject';
import { makeStaticType } from '../objects/typeobject';
import { newDict } from '../objects/dict';
import { newModule, PyModule } from '../objects/module';
import { newBuiltinFunction, type NativeMethod } from '../objects/builtinFunction';
import { newInt, PyInt } from '../objects/int';
import { newStr, internStr } from '../objects/str';
import { newTupleSteal } from '../objects/tuple';
import { newListSteal } from '../objects/list';
import { None } from '../objects/none';
import { newBool } from '../objects/bool';
import { defineMethods } from '../objects/define';
import { newException, SystemExit, ValueError, TypeError, OverflowError, PyBaseException } from '../objects/exceptions';
import * as A from '../objects/abstract';
import { newRef, decref, track, preHeaderSize, heap } from '../memory/heap';
import { debugMallocStatsReport } from '../memory/obmalloc/stats';
import { PyObject as PyObjectClass } from '../objects/pyobject';
import type { Interpreter } from '../vm/interpreter';

export const textIOType = makeStaticType('TextIOWrapper', undefined, { basicsize: 200 });
class PyTextIO extends PyObjectClass {
  constructor(readonly write: (s: string) => void, readonly name: string) {
    super(textIOType);
  }
}
defineMethods(textIOType, {
  write: (self, args) => {
    const s = A.str(args[0]);
    (self as PyTextIO).write(s);
    return newInt(s.length);
  },
  flush: () => newRef(None),
  __enter__: (self) => newRef(self),
  __exit__: () => newRef(None),
  isatty: () => newBool(false),
  fileno: (self) => newInt((self as PyTextIO).name === '<stdout>' ? 1 : 2),
  __repr__: (self) => newStr(`<_io.TextIOWrapper name='${(self as PyTextIO).name}' mode='w' encoding='utf-8'>`),
});

export function makeSys(interp: Interpreter, modules: PyObject): PyModule {
  const d = newDict();
  const m = newModule('sys', d);
  const def = (name: string, fn: NativeMethod) => {
    const f = newBuiltinFunction(name, fn, m);
    d.setStr(name, f);
    decref(f);
  };
  const put = (name: string, v: PyObject) => {
    d.setStr(name, v);
    decref(v);
  };
  const host = interp.host;
  put('argv', newListSteal([newStr(host.programPath), ...host.args.map((a) => newStr(a))]));
  put('path', newListSteal([newStr(host.programPath.replace(/\/[^/]*$/, ''))]));
  d.setStr('modules', modules);
  put('version', newStr('3.11.7 (main, PyXray) [TypeScript]'));
  put('version_info', newTupleSteal([newInt(3), newInt(11), newInt(7), newStr('final'), newInt(0)]));
  put('hexversion', newInt(0x030b07f0));
  put('platform', newStr('linux'));
  put('byteorder', newStr('little'));
  put('maxsize', newInt(Number.MAX_SAFE_INTEGER)); // replaced below by the exact 2**63-1
  d.setStr('maxsize', A.newInt(0));
  put('maxsize', (() => { const v = A.call(A.newInt(0).ob_type, [newStr('9223372036854775807')]); return v; })());
  put('executable', newStr('/usr/bin/python3'));
  put('implementation', newStr('cpython'));
  put('stdout', track(new PyTextIO((s) => host.writeStdout(s), '<stdout>'), 200));
  put('stderr', track(new PyTextIO((s) => host.writeStderr(s), '<stderr>'), 200));
  d.setStr('__stdout__', d.getStr('stdout')!);
  d.setStr('__stderr__', d.getStr('stderr')!);
  def('exit', (_s, args) => {
    const e = newException(SystemExit);
    if (args.length > 0) {
      decref(e.args);
      e.args = newTupleSteal([newRef(args[0])]);
      e.extra = newRef(args[0]);
    }
    throw e;
  });
  def('getrecursionlimit', () => newInt(interp.recursionLimit));
  def('setrecursionlimit', (_s, args) => {
    if (args.length !== 1) throw newException(TypeError, `setrecursionlimit() takes exactly one argument (${args.length} given)`);
    if (!(args[0] instanceof PyInt)) {
      const name = args[0].ob_type.name;
      throw newException(TypeError, name === 'float' ? "'float' object cannot be interpreted as an integer" : `'${name}' object cannot be interpreted as an integer`);
    }
    const value = args[0].value;
    if (value > 2 ** 31 - 1) throw newException(OverflowError, 'Python int too large to convert to C int');
    const n = Number(value);
    if (n < 1) throw newException(ValueError, 'recursion limit must be greater or equal than 1');
    interp.recursionLimit = n;
    return newRef(None);
  });
  def('getrefcount', (_s, args) => {
    if (args.length !== 1) throw newException(TypeError, `sys.getrefcount() takes exactly one argument (${args.length} given)`);
    return newInt(args[0].ob_refcnt);
  });
  // _PySys_GetSizeOf: __sizeof__ (which may be Python code) plus the pre-header the allocator
  // put before the object (16 bytes of PyGC_Head, 16 more for a managed dict).
  def('getsizeof', (_s, args) => {
    if (args.length < 1 || args.length > 2) throw newException(TypeError, `getsizeof expected at most 2 arguments, got ${args.length}`);
    const o = args[0];
    const method = o.ob_type.lookup('__sizeof__');
    if (method === null) {
      if (args.length > 1) return newRef(args[1]);
      throw newException(TypeError, `Type ${A.typeName(o)} doesn't define __sizeof__`);
    }
    let r: PyObject;
    try {
      r = A.callBound(method, o, []);
    } catch (e) {
      if (args.length > 1 && e instanceof PyBaseException && e.ob_type.isSubtypeOf(TypeError)) {
        decref(e);
        return newRef(args[1]);
      }
      throw e;
    }
    if (!(r instanceof PyInt)) {
      decref(r);
      throw newException(TypeError, 'an integer is required');
    }
    const v = Number(r.value);
    decref(r);
    if (v < 0) throw newException(ValueError, '__sizeof__() should return >= 0');
    return newInt(v + preHeaderSize(o));
  });
  def('intern', (_s, args) => {
    if (args[0].ob_type.name !== 'str') throw newException(TypeError, `intern() argument must be str, not ${A.typeName(args[0])}`);
    return internStr(A.str(args[0]));
  });
  def('exc_info', () => {
    const e = interp.currentHandled();
    if (e === null) return newTupleSteal([newRef(None), newRef(None), newRef(None)]);
    return newTupleSteal([newRef(e.ob_type), newRef(e), newRef((e as unknown as { traceback: PyObject | null }).traceback ?? None)]);
  });
  def('exception', () => newRef(interp.currentHandled() ?? None));
  // The GIL's switch interval lives in the thread scheduler (threads/scheduler.ts).
  def('getswitchinterval', () => A.newFloat(interp.threads.switchIntervalNs / 1e9));
  def('setswitchinterval', (_s, args) => {
    if (args.length !== 1) throw newException(TypeError, `setswitchinterval() takes exactly one argument (${args.length} given)`);
    const v = A.floatValue(args[0]);
    if (v === null) throw newException(TypeError, `must be real number, not ${A.typeName(args[0])}`);
    if (v <= 0) throw newException(ValueError, 'switch interval must be strictly positive');
    interp.threads.setSwitchInterval(v);
    return newRef(None);
  });
  def('_getframe', (_s, args) => {
    let f = interp.callerFrame();
    for (let depth = args.length > 0 ? Number((args[0] as PyInt).value) : 0; depth > 0; depth--) {
      if (f.previous === null) throw newException(ValueError, 'call stack is not deep enough');
      f = f.previous;
    }
    return interp.frameObjectOf(f);
  });
  def('displayhook', (_s, args) => {
    const v = args[0];
    if (v === None) return newRef(None);
    interp.builtins.setStr('_', None);
    host.writeStdout(A.repr(v) + '\n');
    interp.builtins.setStr('_', v);
    return newRef(None);
  });
  def('getdefaultencoding', () => newStr('utf-8'));
  // The allocator's report (Objects/obmalloc.c _PyObject_DebugMallocStats + the free lists), on stderr as CPython writes it.
  def('_debugmallocstats', () => {
    host.writeStderr(debugMallocStatsReport(heap.allocator, heap.freeLists));
    return newRef(None);
  });
  put('flags', newTupleSteal([]));
  return m;
}
