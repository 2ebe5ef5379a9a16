// Python-visible methods of the callable and code-related types: function, method,
// builtin_function_or_method, method/wrapper descriptors, code, cell, property, classmethod,
// staticmethod, generator, traceback, frame, module.

import type { PyObject } from './pyobject';
import type { PyType } from './typeobject';
import { PyFunction, functionType, newFunction } from './function';
import { PyMethod, methodType, newMethod } from './method';
import { PyBuiltinFunction, builtinFunctionType } from './builtinFunction';
import { PyMethodDescr, methodDescriptorType, wrapperDescriptorType, classMethodDescriptorType } from './methodDescriptor';
import { PyGetSetDescr, getsetDescriptorType } from './getsetDescriptor';
import { PyCode, codeType } from './code';
import { PyCell, cellType } from './cell';
import { PyProperty, PyClassMethod, PyStaticMethod, propertyType, classMethodType, staticMethodType } from './descriptors';
import { PyGenerator, generatorType, coroutineType, GenState, clearUnfinishedFrame } from './generator';
import { PyTraceback, PyFrameObject, tracebackType, frameType, clearFrameObject } from './traceback';
import { PyModule, moduleType, newModule } from './module';
import { PyStr, newStr } from './str';
import { newInt } from './int';
import { newBool } from './bool';
import { PyTuple, newTuple, newTupleSteal } from './tuple';
import { PyDict, newDict } from './dict';
import { None, NotImplemented } from './none';
import { defineMethods, defineGetSets, defineNew, splitArgs } from './define';
import { newException, TypeError, AttributeError, StopIteration, GeneratorExit, RuntimeError, PyBaseException, ValueError } from './exceptions';
import * as A from './abstract';
import { newRef, decref, xdecref } from '../memory/heap';
import { hexAddr } from './objectMethods';
import { lineForOffset } from './lineTable';

/** Generator resumption, installed by the VM. */
export const generatorSupport = {
  resume: null as unknown as (gen: PyGenerator, value: PyObject | null, exc: PyBaseException | null) => [PyObject, boolean],
  frameObject: null as unknown as (gen: PyGenerator) => PyObject,
};

function setOrNone(o: PyObject | null): PyObject {
  return newRef(o ?? None);
}

// ---------------------------------------------------------------- function

defineMethods(functionType, {
  __repr__: (self) => newStr(`<function ${(self as PyFunction).qualname} at ${hexAddr(self)}>`),
  __call__: (self, args, kwnames) => A.call(self, args, kwnames),
  __get__: (self, args) => (args[0] === None ? newRef(self) : newMethod(self, args[0])),
});

defineGetSets(functionType, {
  __name__: [(self) => newStr((self as PyFunction).name), (self, v) => {
    if (!(v instanceof PyStr)) throw newException(TypeError, '__name__ must be set to a string object');
    (self as PyFunction).name = v.value;
  }],
  __qualname__: [(self) => newStr((self as PyFunction).qualname), (self, v) => {
    if (!(v instanceof PyStr)) throw newException(TypeError, '__qualname__ must be set to a string object');
    (self as PyFunction).qualname = v.value;
  }],
  __module__: [(self) => setOrNone((self as PyFunction).module), (self, v) => {
    const f = self as PyFunction;
    xdecref(f.module);
    f.module = v === null ? null : newRef(v);
  }],
  __doc__: [(self) => setOrNone((self as PyFunction).doc), (self, v) => {
    const f = self as PyFunction;
    xdecref(f.doc);
    f.doc = v === null ? null : newRef(v);
  }],
  __defaults__: [(self) => setOrNone((self as PyFunction).defaults), (self, v) => {
    const f = self as PyFunction;
    xdecref(f.defaults);
    f.defaults = v === null || v === None ? null : (newRef(v) as PyTuple);
  }],
  __kwdefaults__: [(self) => setOrNone((self as PyFunction).kwdefaults), (self, v) => {
    const f = self as PyFunction;
    xdecref(f.kwdefaults);
    f.kwdefaults = v === null || v === None ? null : (newRef(v) as PyDict);
  }],
  __closure__: [(self) => setOrNone((self as PyFunction).closure)],
  __code__: [(self) => newRef((self as PyFunction).code)],
  __globals__: [(self) => newRef((self as PyFunction).globals)],
  __builtins__: [(self) => newRef((self as PyFunction).builtins)],
  __annotations__: [(self) => {
    const f = self as PyFunction;
    if (f.annotations === null || f.annotations === None) {
      xdecref(f.annotations);
      f.annotations = newDict();
    } else if (f.annotations instanceof PyTuple) {
      const d = newDict();
      const items = f.annotations.items;
      for (let i = 0; i + 1 < items.length; i += 2) d.set(items[i], items[i + 1]);
      decref(f.annotations);
      f.annotations = d;
    }
    return newRef(f.annotations);
  }, (self, v) => {
    const f = self as PyFunction;
    xdecref(f.annotations);
    f.annotations = v === null ? null : newRef(v);
  }],
  __dict__: [(self) => {
    if (self.dict === null) self.dict = newDict();
    return newRef(self.dict);
  }],
});
functionType.instancesHaveDict = true;

// types.FunctionType(code, globals, name=None, argdefs=None, closure=None) (func_new).
defineNew(functionType, (_s, args, kwnames) => {
  const [pos, kw] = splitArgs(args, kwnames);
  const arg = (i: number, name: string) => pos[i] ?? kw.get(name) ?? null;
  const code = arg(1, 'code');
  const globals = arg(2, 'globals');
  const name = arg(3, 'name');
  const argdefs = arg(4, 'argdefs');
  const closure = arg(5, 'closure');
  if (!(code instanceof PyCode)) throw newException(TypeError, `function() argument 'code' must be code, not ${code === null ? 'NoneType' : A.typeName(code)}`);
  if (!(globals instanceof PyDict)) throw newException(TypeError, `function() argument 'globals' must be dict, not ${globals === null ? 'NoneType' : A.typeName(globals)}`);
  if (name !== null && name !== None && !(name instanceof PyStr)) throw newException(TypeError, 'arg 3 (name) must be None or string');
  if (argdefs !== null && argdefs !== None && !(argdefs instanceof PyTuple)) throw newException(TypeError, 'arg 4 (defaults) must be None or tuple');
  const nfree = code.co.co_freevars.length;
  const cells = closure instanceof PyTuple ? closure.items.length : 0;
  if (nfree !== cells) throw newException(ValueError, `${code.co.co_name} requires closure of length ${nfree}, not ${cells}`);
  // Builtins come from globals['__builtins__'] (a module or a dict), as in CPython.
  let builtins = globals.getStr('__builtins__') ?? null;
  if (builtins instanceof PyModule) builtins = builtins.dict;
  if (!(builtins instanceof PyDict)) throw newException(TypeError, "function() needs globals with '__builtins__'");
  const f = newFunction(code, globals, builtins);
  if (name instanceof PyStr) f.name = name.value;
  if (argdefs instanceof PyTuple) f.defaults = newRef(argdefs);
  if (closure instanceof PyTuple) f.closure = newRef(closure);
  const modName = globals.getStr('__name__');
  if (modName !== undefined) f.module = newRef(modName);
  return f;
});

// ---------------------------------------------------------------- bound method

defineMethods(methodType, {
  __repr__: (self) => {
    const m = self as PyMethod;
    const fn = m.func;
    let name = '?';
    const qn = A.getAttrOrNull(fn, '__qualname__') ?? A.getAttrOrNull(fn, '__name__');
    if (qn !== null) { name = A.str(qn); decref(qn); }
    return newStr(`<bound method ${name} of ${A.repr(m.self)}>`);
  },
  __call__: (self, args, kwnames) => A.call(self, args, kwnames),
  __eq__: (self, args) => {
    const o = args[0];
    if (!(o instanceof PyMethod)) return newRef(NotImplemented);
    const m = self as PyMethod;
    return newBool(m.func === o.func && m.self === o.self);
  },
  __hash__: (self) => newInt(A.hash((self as PyMethod).func) ^ A.hashPointer((self as PyMethod).self)),
  __getattribute__: (self, args) => {
    const name = (args[0] as PyStr).value;
    const r = A.genericGetAttr(self, name);
    if (r !== null) return r;
    return A.getAttr((self as PyMethod).func, name);
  },
});
defineGetSets(methodType, {
  __func__: [(self) => newRef((self as PyMethod).func)],
  __self__: [(self) => newRef((self as PyMethod).self)],
  __doc__: [(self) => A.getAttr((self as PyMethod).func, '__doc__')],
  __name__: [(self) => A.getAttr((self as PyMethod).func, '__name__')],
  __qualname__: [(self) => A.getAttr((self as PyMethod).func, '__qualname__')],
  __module__: [(self) => A.getAttr((self as PyMethod).func, '__module__')],
});

// ---------------------------------------------------------------- builtins and descriptors

defineMethods(builtinFunctionType, {
  __repr__: (self) => {
    const f = self as PyBuiltinFunction;
    if (f.self === null || f.self instanceof PyModule) return newStr(`<built-in function ${f.name}>`);
    const s = f.self;
    if (s instanceof Object && (s as PyObject).ob_type.name === 'type' || (s as PyObject).ob_type.isSubtypeOf((s as PyObject).ob_type) && false) {
      return newStr(`<built-in method ${f.name} of type object at ${hexAddr(s)}>`);
    }
    return newStr(`<built-in method ${f.name} of ${s.ob_type.name} object at ${hexAddr(s)}>`);
  },
  __call__: (self, args, kwnames) => A.call(self, args, kwnames),
});
defineGetSets(builtinFunctionType, {
  __name__: [(self) => newStr((self as PyBuiltinFunction).name)],
  __qualname__: [(self) => newStr((self as PyBuiltinFunction).qualname)],
  __self__: [(self) => setOrNone((self as PyBuiltinFunction).self)],
  __doc__: [() => newRef(None)],
  __module__: [(self) => newStr((self as PyBuiltinFunction).self instanceof PyModule ? ((self as PyBuiltinFunction).self as PyModule).name : 'builtins')],
});

for (const t of [methodDescriptorType, wrapperDescriptorType, classMethodDescriptorType]) {
  defineMethods(t, {
    __repr__: (self) => {
      const d = self as PyMethodDescr;
      if (d.kind === 'slot') return newStr(`<slot wrapper '${d.name}' of '${d.owner.name}' objects>`);
      return newStr(`<method '${d.name}' of '${d.owner.name}' objects>`);
    },
    __get__: (self, args) => A.descrGet(self, args[0] === None ? null : args[0], (args[1] ?? args[0].ob_type) as PyType),
    __call__: (self, args, kwnames) => A.call(self, args, kwnames),
  });
  defineGetSets(t, {
    __name__: [(self) => newStr((self as PyMethodDescr).name)],
    __qualname__: [(self) => newStr(`${(self as PyMethodDescr).owner.name}.${(self as PyMethodDescr).name}`)],
    __objclass__: [(self) => newRef((self as PyMethodDescr).owner)],
    __doc__: [() => newRef(None)],
  });
}
defineMethods(getsetDescriptorType, {
  __repr__: (self) => newStr(`<attribute '${(self as PyGetSetDescr).name}' of '${(self as PyGetSetDescr).owner.name}' objects>`),
  __get__: (self, args) => (args[0] === None ? newRef(self) : (self as PyGetSetDescr).get(args[0])),
  __set__: (self, args) => {
    const d = self as PyGetSetDescr;
    if (d.set === null) throw newException(AttributeError, `attribute '${d.name}' of '${d.owner.name}' objects is not writable`);
    d.set(args[0], args[1]);
    return newRef(None);
  },
});
defineGetSets(getsetDescriptorType, { __name__: [(self) => newStr((self as PyGetSetDescr).name)] });

// ---------------------------------------------------------------- code, cell

defineMethods(codeType, {
  __repr__: (self) => {
    const c = (self as PyCode).co;
    return newStr(`<code object ${c.co_name} at ${hexAddr(self)}, file "${c.co_filename}", line ${c.co_firstlineno}>`);
  },
});
const strTuple = (xs: string[]) => newTupleSteal(xs.map((x) => newStr(x)));
defineGetSets(codeType, {
  co_name: [(self) => newStr((self as PyCode).co.co_name)],
  co_qualname: [(self) => newStr((self as PyCode).co.co_qualname)],
  co_filename: [(self) => newStr((self as PyCode).co.co_filename)],
  co_firstlineno: [(self) => newInt((self as PyCode).co.co_firstlineno)],
  co_argcount: [(self) => newInt((self as PyCode).co.co_argcount)],
  co_posonlyargcount: [(self) => newInt((self as PyCode).co.co_posonlyargcount)],
  co_kwonlyargcount: [(self) => newInt((self as PyCode).co.co_kwonlyargcount)],
  co_nlocals: [(self) => newInt((self as PyCode).co.co_nlocals)],
  co_stacksize: [(self) => newInt((self as PyCode).co.co_stacksize)],
  co_flags: [(self) => newInt((self as PyCode).co.co_flags)],
  co_varnames: [(self) => strTuple((self as PyCode).co.co_varnames)],
  co_cellvars: [(self) => strTuple((self as PyCode).co.co_cellvars)],
  co_freevars: [(self) => strTuple((self as PyCode).co.co_freevars)],
  co_names: [(self) => strTuple((self as PyCode).co.co_names)],
  co_consts: [(self) => newTuple((self as PyCode).consts)],
});

defineMethods(cellType, {
  __repr__: (self) => {
    const c = (self as PyCell).contents;
    if (c === null) return newStr(`<cell at ${hexAddr(self)}: empty>`);
    return newStr(`<cell at ${hexAddr(self)}: ${c.ob_type.name} object at ${hexAddr(c)}>`);
  },
});
defineGetSets(cellType, {
  cell_contents: [(self) => {
    const c = (self as PyCell).contents;
    if (c === null) throw newException(ValueError, 'Cell is empty');
    return newRef(c);
  }, (self, v) => {
    const cell = self as PyCell;
    const old = cell.contents;
    cell.contents = v === null ? null : newRef(v);
    xdecref(old);
  }],
});

// ---------------------------------------------------------------- property, classmethod, staticmethod

defineMethods(propertyType, {
  __init__: (self, args, kwnames) => {
    const [pos, kw] = splitArgs(args, kwnames);
    const p = self as PyProperty;
    const get = (i: number, name: string) => { const v = pos[i] ?? kw.get(name); return v === undefined || v === None ? null : newRef(v); };
    p.fget = get(0, 'fget');
    p.fset = get(1, 'fset');
    p.fdel = get(2, 'fdel');
    p.doc = get(3, 'doc');
    if (p.doc === null && p.fget !== null) p.doc = A.getAttrOrNull(p.fget, '__doc__');
    return newRef(None);
  },
  __get__: (self, args) => A.descrGet(self, args[0] === None ? null : args[0], (args[1] ?? args[0].ob_type) as PyType),
  __set__: (self, args) => { A.genericSetAttr; const p = self as PyProperty; if (p.fset === null) throw newException(AttributeError, "can't set attribute"); decref(A.call(p.fset, [args[0], args[1]])); return newRef(None); },
  __delete__: (self, args) => { const p = self as PyProperty; if (p.fdel === null) throw newException(AttributeError, "can't delete attribute"); decref(A.call(p.fdel, [args[0]])); return newRef(None); },
  __set_name__: (self, args) => { const p = self as PyProperty; xdecref(p.name); p.name = newRef(args[1]); return newRef(None); },
  getter: (self, args) => copyProperty(self as PyProperty, 'fget', args[0]),
  setter: (self, args) => copyProperty(self as PyProperty, 'fset', args[0]),
  deleter: (self, args) => copyProperty(self as PyProperty, 'fdel', args[0]),
});
defineGetSets(propertyType, {
  fget: [(self) => setOrNone((self as PyProperty).fget)],
  fset: [(self) => setOrNone((self as PyProperty).fset)],
  fdel: [(self) => setOrNone((self as PyProperty).fdel)],
  __doc__: [(self) => setOrNone((self as PyProperty).doc)],
  __isabstractmethod__: [(self) => {
    const f = (self as PyProperty).fget;
    const v = f !== null ? A.getAttrOrNull(f, '__isabstractmethod__') : null;
    if (v === null) return newBool(false);
    return v;
  }],
});

function copyProperty(p: PyProperty, which: 'fget' | 'fset' | 'fdel', fn: PyObject): PyObject {
  const q = propertyType.newInstance!(p.ob_type) as PyProperty;
  q.fget = p.fget && newRef(p.fget);
  q.fset = p.fset && newRef(p.fset);
  q.fdel = p.fdel && newRef(p.fdel);
  q.doc = p.doc && newRef(p.doc);
  q.name = p.name && newRef(p.name);
  xdecref(q[which]);
  q[which] = newRef(fn);
  return q;
}

for (const t of [classMethodType, staticMethodType]) {
  defineMethods(t, {
    __init__: (self, args) => {
      const c = self as PyClassMethod;
      xdecref(c.callable);
      c.callable = newRef(args[0]);
      return newRef(None);
    },
    __get__: (self, args) => A.descrGet(self, args[0] === None ? null : args[0], (args[1] !== undefined && args[1] !== None ? args[1] : args[0].ob_type) as PyType),
    __repr__: (self) => newStr(`<${t.name}(${A.repr((self as PyClassMethod).callable ?? None)})>`),
  });
  defineGetSets(t, {
    __func__: [(self) => setOrNone((self as PyClassMethod).callable)],
    __wrapped__: [(self) => setOrNone((self as PyClassMethod).callable)],
    __isabstractmethod__: [(self) => {
      const f = (self as PyClassMethod).callable;
      const v = f !== null ? A.getAttrOrNull(f, '__isabstractmethod__') : null;
      return v ?? newBool(false);
    }],
    __dict__: [(self) => { if (self.dict === null) self.dict = newDict(); return newRef(self.dict); }],
  });
  t.instancesHaveDict = true;
}
defineMethods(staticMethodType, {
  __call__: (self, args, kwnames) => A.call((self as PyStaticMethod).callable!, args, kwnames),
});

// ---------------------------------------------------------------- generator

function genSend(gen: PyGenerator, value: PyObject | null, exc: PyBaseException | null): PyObject {
  const [v, done] = generatorSupport.resume(gen, value, exc);
  if (done) {
    const e = newException(StopIteration);
    if (v !== None) {
      decref(e.args);
      e.args = newTuple([v]);
      e.extra = v;
    } else decref(v);
    throw e;
  }
  return v;
}

for (const t of [generatorType, coroutineType]) {
  defineMethods(t, {
    __iter__: (self) => newRef(self),
    __next__: (self) => genSend(self as PyGenerator, null, null),
    send: (self, args) => genSend(self as PyGenerator, args[0], null),
    throw: (self, args) => {
      let exc = args[0];
      let e: PyBaseException;
      if (exc instanceof PyBaseException) e = newRef(exc);
      else {
        const inst = A.call(exc, args.length > 1 && args[1] !== None ? [args[1]] : []);
        if (!(inst instanceof PyBaseException)) throw newException(TypeError, 'exceptions must be classes or instances deriving from BaseException, not ' + A.typeName(exc));
        e = inst;
      }
      return genSend(self as PyGenerator, null, e);
    },
    close: (self) => {
      const gen = self as PyGenerator;
      if (gen.state === GenState.Created) {
        clearUnfinishedFrame(gen); // the never-started frame is cleared: its arguments go now
        return newRef(None);
      }
      if (gen.state === GenState.Closed) return newRef(None);
      try {
        const [v] = generatorSupport.resume(gen, null, newException(GeneratorExit));
        decref(v);
        if ((gen.state as GenState) !== GenState.Closed) throw newException(RuntimeError, 'generator ignored GeneratorExit');
      } catch (e) {
        if (e instanceof PyBaseException && (e.ob_type.isSubtypeOf(GeneratorExit) || e.ob_type.isSubtypeOf(StopIteration))) {
          decref(e);
          return newRef(None);
        }
        throw e;
      }
      return newRef(None);
    },
    __repr__: (self) => newStr(`<${t.name} object ${(self as PyGenerator).qualname} at ${hexAddr(self)}>`),
  });
  defineGetSets(t, {
    __name__: [(self) => newStr((self as PyGenerator).name)],
    __qualname__: [(self) => newStr((self as PyGenerator).qualname)],
    gi_running: [(self) => newBool((self as PyGenerator).state === GenState.Running)],
    gi_code: [(self) => newRef((self as PyGenerator).code)],
    gi_frame: [(self) => ((self as PyGenerator).state === GenState.Closed ? newRef(None) : generatorSupport.frameObject(self as PyGenerator))],
    gi_suspended: [(self) => newBool((self as PyGenerator).state === GenState.Suspended)],
  });
}

// ---------------------------------------------------------------- traceback, frame

defineGetSets(tracebackType, {
  tb_next: [(self) => setOrNone((self as PyTraceback).next)],
  tb_frame: [(self) => newRef((self as PyTraceback).frame)],
  tb_lasti: [(self) => newInt((self as PyTraceback).lasti * 2)],
  tb_lineno: [(self) => newInt(lineForOffset((self as PyTraceback).frame.code, (self as PyTraceback).lasti))],
});
defineGetSets(frameType, {
  f_code: [(self) => newRef((self as PyFrameObject).code)],
  f_globals: [(self) => newRef((self as PyFrameObject).globals)],
  f_lineno: [(self) => newInt(lineForOffset((self as PyFrameObject).code, (self as PyFrameObject).currentLasti()))],
  f_lasti: [(self) => newInt((self as PyFrameObject).currentLasti() * 2)],
  f_back: [(self) => setOrNone((self as PyFrameObject).back)],
  f_locals: [(self) => frameLocals(self as PyFrameObject)],
});
/** f_locals: the namespace of a module/class frame, else a snapshot of the fast locals and cells. */
function frameLocals(f: PyFrameObject): PyObject {
  const live = f.live;
  // a finished frame shows what its frame object took over from it
  const namespace = live !== null ? live.locals : f.namespace;
  if (namespace !== null) return newRef(namespace);
  const fast = live !== null ? live.fast : f.fast;
  const d = newDict();
  if (fast === null) return d;
  const names = f.code.co.co_localsplusnames;
  for (let i = 0; i < names.length; i++) {
    let v = fast[i];
    if (v instanceof PyCell) v = v.contents;
    if (v !== null && v !== undefined) d.setStr(names[i], v);
  }
  return d;
}
defineMethods(frameType, {
  clear: (self) => {
    // frame_clear: a finished frame drops its locals; a suspended generator's frame closes it
    const f = self as PyFrameObject;
    const live = f.live;
    if (live === null) clearFrameObject(f);
    else {
      const gen = live.generator as PyGenerator | null;
      if (gen === null || gen.state === GenState.Running) throw newException(RuntimeError, 'cannot clear an executing frame');
      decref(A.callMethod(gen, 'close', []));
    }
    return newRef(None);
  },
  __repr__: (self) => {
    const f = self as PyFrameObject;
    return newStr(`<frame at ${hexAddr(self)}, file '${f.code.co.co_filename}', line ${lineForOffset(f.code, f.currentLasti())}, code ${f.code.co.co_name}>`);
  },
});

// ---------------------------------------------------------------- module

defineMethods(moduleType, {
  __repr__: (self) => {
    const m = self as PyModule;
    const file = m.dict?.getStr('__file__');
    if (file instanceof PyStr) return newStr(`<module '${m.name}' from '${file.value}'>`);
    return newStr(`<module '${m.name}' (built-in)>`);
  },
  // module_dir: the module's own __dir__ (PEP 562) when its dict has one, else the dict's keys.
  __dir__: (self) => {
    const hook = self.dict?.getStr('__dir__');
    if (hook !== undefined) return A.call(hook, []);
    return A.callMethod(A.getAttr(self, '__dict__'), 'keys', []);
  },
});
defineGetSets(moduleType, {
  __dict__: [(self) => newRef(self.dict!)],
});
moduleType.instancesHaveDict = true;
// module_init_dict: a module made by ModuleType(name) starts with __package__, __loader__ and __spec__ None.
defineNew(moduleType, (_s, args) => {
  const m = newModule(A.str(args[1]));
  if (args.length > 2) m.dict!.setStr('__doc__', args[2]);
  for (const key of ['__package__', '__loader__', '__spec__']) if (m.dict!.getStr(key) === undefined) m.dict!.setStr(key, None);
  return m;
});
