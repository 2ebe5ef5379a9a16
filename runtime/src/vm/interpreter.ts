// The eval loop (CPython's Python/ceval.c, 3.11 flavour).
//
// One loop runs a chain of frames: CALL of a Python function, a bound method, a class whose
// __init__ is Python, and generator resumption by FOR_ITER/SEND push a frame and continue in the
// same JS activation, so Python recursion never grows the JS stack, the debugger can stop between
// any two instructions, and a paused run resumes exactly where it stopped (`run(budget)`).
// Native code that calls back into Python (a user __eq__ from a dict lookup, key= in sorted,
// __repr__ from print, class bodies from __build_class__) re-enters `execute` recursively; every
// frame push and every such re-entry counts against the same recursion limit, so deep recursion
// ends in CPython's RecursionError, never a JS stack overflow.
//
// Exceptions: natives throw PyBaseException objects; `execute` catches them and `unwind` walks
// the 3.11 exception table of each frame (no block stack), adding traceback entries and setting
// __context__ the way CPython's error path does. RERAISE skips the traceback entry, as in 3.11.
//
// Speed: the loop is a switch over the code units with short cases; long logic lives in named
// helpers. Observation (tracing, breakpoints, pausing, thread switching) costs one field check per
// instruction (`this.observed`) and a counter at eval-breaker points (backward jumps, RESUME).

import * as op from '../compiler/opcodes';
import type { PyObject } from '../objects/pyobject';
import { PyType, typeType } from '../objects/typeobject';
import { decref, newRef, xdecref, incref } from '../memory/heap';
import { PyInt, intType, newInt, newIntValue, addValues, subValues } from '../objects/int';
import { True, False, newBool } from '../objects/bool';
import { None, NotImplemented } from '../objects/none';
import { PyStr, newStr, strType } from '../objects/str';
import { PyTuple, newTupleSteal, tupleType } from '../objects/tuple';
import { PyList, newListSteal, listType, listGrew } from '../objects/list';
import { PyDict, newDict } from '../objects/dict';
import { PyFunction, newFunction } from '../objects/function';
import { PyCode, CO_OPTIMIZED } from '../objects/code';
import { PyCell, newCell } from '../objects/cell';
import { PyMethod } from '../objects/method';
import { PyMethodDescr } from '../objects/methodDescriptor';
import { PyBuiltinFunction } from '../objects/builtinFunction';
import { PyGenerator, newGenerator, GenState, generatorType, coroutineType } from '../objects/generator';
import { PyIterator } from '../objects/iterator';
import { newSliceSteal } from '../objects/slice';
import { newSet, PySet } from '../objects/set';
import { newFrameObject, newTraceback, PyTraceback, PyFrameObject } from '../objects/traceback';
import * as E from '../objects/exceptions';
import { PyBaseException, newException } from '../objects/exceptions';
import * as A from '../objects/abstract';
import { Frame, ReturnMode, ExcState } from './frame';
import { bindArguments, kwnamesFromTuple } from './callArgs';
import type { Host } from './host';
import { formatValue } from './formatting';
import { PyRangeIterator } from '../objects/range';
import { intBinary } from '../objects/intMethods';
import { floatBinary } from '../objects/floatMethods';
import { PyFloat, floatType } from '../objects/float';

/** Thrown (not a Python exception: nothing can catch it) when a run exceeds its limits. */
export class LimitExceeded extends Error {}

// Opcode numbers copied out of the one opcode table into module constants, so the dispatch
// switch compares against plain numbers.
const {
  BEFORE_WITH, BINARY_OP, BINARY_SUBSCR, BUILD_CONST_KEY_MAP, BUILD_LIST, BUILD_MAP, BUILD_SET, BUILD_SLICE, BUILD_STRING, BUILD_TUPLE, CACHE, CALL, CALL_FUNCTION_EX, CHECK_EXC_MATCH, COMPARE_OP, CONTAINS_OP, COPY, COPY_FREE_VARS, DELETE_ATTR, DELETE_DEREF, DELETE_FAST, DELETE_GLOBAL, DELETE_NAME, DELETE_SUBSCR, DICT_MERGE, DICT_UPDATE, EXTENDED_ARG, FORMAT_VALUE, FOR_ITER, GET_ITER, GET_LEN, GET_YIELD_FROM_ITER, IMPORT_FROM, IMPORT_NAME, IMPORT_STAR, IS_OP, JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT, JUMP_FORWARD, JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP, KW_NAMES, LIST_APPEND, LIST_EXTEND, LIST_TO_TUPLE, LOAD_ASSERTION_ERROR, LOAD_ATTR, LOAD_BUILD_CLASS, LOAD_CLASSDEREF, LOAD_CLOSURE, LOAD_CONST, LOAD_DEREF, LOAD_FAST, LOAD_GLOBAL, LOAD_METHOD, LOAD_NAME, MAKE_CELL, MAKE_FUNCTION, MAP_ADD, MATCH_CLASS, MATCH_KEYS, MATCH_MAPPING, MATCH_SEQUENCE, NOP, POP_EXCEPT, POP_JUMP_BACKWARD_IF_FALSE, POP_JUMP_BACKWARD_IF_NONE, POP_JUMP_BACKWARD_IF_NOT_NONE, POP_JUMP_BACKWARD_IF_TRUE, POP_JUMP_FORWARD_IF_FALSE, POP_JUMP_FORWARD_IF_NONE, POP_JUMP_FORWARD_IF_NOT_NONE, POP_JUMP_FORWARD_IF_TRUE, POP_TOP, PRECALL, PRINT_EXPR, PUSH_EXC_INFO, PUSH_NULL, RAISE_VARARGS, RERAISE, RESUME, RETURN_GENERATOR, RETURN_VALUE, SEND, SETUP_ANNOTATIONS, SET_ADD, SET_UPDATE, STORE_ATTR, STORE_DEREF, STORE_FAST, STORE_GLOBAL, STORE_NAME, STORE_SUBSCR, SWAP, UNARY_INVERT, UNARY_NEGATIVE, UNARY_NOT, UNARY_POSITIVE, UNPACK_EX, UNPACK_SEQUENCE, WITH_EXCEPT_START, YIELD_VALUE,
} = op;

export type StopReason =
  | { kind: 'finished'; exitCode: number }
  | { kind: 'paused' };

/** Returned by the loop instead of a value when a budget ran out at an eval-breaker point. */
const PAUSED: PyObject = { ob_refcnt: 1 } as unknown as PyObject;

export class Interpreter {
  frame: Frame | null = null;
  depth = 0;
  recursionLimit = 1000;
  excState = new ExcState(null, null);
  /** Nesting of `execute` activations; pausing is only possible in the outermost one. */
  private nesting = 0;
  /** Set when anything observes execution; the loop then calls `observe` before each instruction. */
  observed = false;
  /** Remaining eval-breaker ticks before the outermost loop pauses (Infinity: never). */
  budget = Infinity;
  /** Called before each instruction while `observed` is set; return true to pause. */
  observer: ((frame: Frame) => boolean) | null = null;
  builtins!: PyDict;
  sys: PyObject | null = null;
  modules!: PyDict;
  importHook: ((interp: Interpreter, name: string, fromlist: PyObject, level: number, globals: PyDict) => PyObject) | null = null;

  constructor(readonly host: Host) {}

  // ------------------------------------------------------------------ introspection

  /** sys.<name>, borrowed (print's default file). */
  sysAttr(name: string): PyObject | null {
    return this.sys?.dict?.getStr(name) ?? null;
  }

  /** The Python frame that called the running native function. */
  callerFrame(): Frame {
    return this.frame!;
  }

  frameObjectOf(f: Frame): PyObject {
    const fo = (f.frameObject ??= newFrameObject(f.code, f.globals, f.lasti, f.previous !== null ? (this.frameObjectOf(f.previous) as PyFrameObject) : null));
    fo.lasti = f.lasti;
    return newRef(fo);
  }

  /** super() without arguments: __class__ from the frame's cell, the first argument as the object. */
  zeroArgSuper(): [PyObject, PyObject] {
    const f = this.frame;
    if (f === null) throw newException(E.RuntimeError, 'super(): no current frame');
    const co = f.code.co;
    if (co.co_argcount === 0) throw newException(E.RuntimeError, 'super(): no arguments');
    let first = f.fast[0];
    if (first instanceof PyCell && (co.co_localspluskinds[0] & 0x40)) first = first.contents;
    if (first === null) throw newException(E.RuntimeError, 'super(): arg[0] deleted');
    const idx = co.co_localsplusnames.indexOf('__class__');
    if (idx < 0 || !(co.co_localspluskinds[idx] & 0x80)) throw newException(E.RuntimeError, 'super(): __class__ cell not found');
    const cls = (f.fast[idx] as PyCell).contents;
    if (cls === null) throw newException(E.RuntimeError, 'super(): empty __class__ cell');
    return [cls, first];
  }

  // ------------------------------------------------------------------ frames

  /** A frame for calling `func` with borrowed `args` (native → Python calls). */
  private frameForCall(func: PyFunction, args: PyObject[], kwnames: string[] | null): Frame {
    const code = func.code;
    const f = new Frame(code, func, func.globals, func.builtins, (code.co.co_flags & CO_OPTIMIZED) ? null : func.globals);
    for (let i = 0; i < args.length; i++) args[i].ob_refcnt++;
    bindArguments(func, f.fast, args, 0, args.length, kwnames);
    this.initFrameCells(f, func);
    func.ob_refcnt++;
    return f;
  }

  /** MAKE_CELL/COPY_FREE_VARS are instructions in 3.11, so nothing to do here beyond closure checks. */
  private initFrameCells(_f: Frame, _func: PyFunction): void {}

  private pushFrame(f: Frame): void {
    if (++this.depth > this.recursionLimit) {
      this.depth--;
      this.releaseFrame(f);
      throw newException(E.RecursionError, 'maximum recursion depth exceeded');
    }
    f.previous = this.frame;
    this.frame = f;
  }

  /** Drop a finished frame's references (locals, stack, function). */
  private releaseFrame(f: Frame): void {
    const fast = f.fast;
    for (let i = 0; i < fast.length; i++) {
      const v = fast[i];
      if (v !== null) {
        fast[i] = null;
        decref(v);
      }
    }
    const stack = f.stack;
    for (let i = 0; i < f.sp; i++) {
      const v = stack[i];
      stack[i] = null;
      xdecref(v);
    }
    f.sp = 0;
    if (f.func !== null && f.generator === null) decref(f.func);
  }

  /** Call a Python function from native code: a nested run of the loop. */
  callFunction(func: PyFunction, args: PyObject[], kwnames: string[] | null): PyObject {
    const f = this.frameForCall(func, args, kwnames);
    if (func.code.isGenerator || func.code.isCoroutine) return this.makeGenerator(f);
    return this.execute(f);
  }

  /** Run a code object with explicit globals/locals (module bodies, class bodies, exec). */
  runCode(code: PyCode, globals: PyDict, locals: PyObject | null, func: PyFunction | null = null): PyObject {
    const f = new Frame(code, func, globals, this.builtins, locals);
    if (func !== null) func.ob_refcnt++;
    return this.execute(f);
  }

  private makeGenerator(f: Frame): PyObject {
    const gen = newGenerator(f.code, f, f.code.isCoroutine ? coroutineType : generatorType);
    f.generator = gen;
    f.excState = new ExcState(null, null);
    // The body starts with [MAKE_CELL/COPY_FREE_VARS...] RETURN_GENERATOR, POP_TOP: run the cell
    // set-up now and resume after RETURN_GENERATOR, so the first send's value lands on the stack
    // and is popped, as in CPython.
    const code = f.co_code;
    for (let i = 0; i < code.length; i++) {
      const opcode = code[i] & 255, oparg = code[i] >> 8;
      if (opcode === RETURN_GENERATOR) {
        f.ip = i + 1;
        break;
      }
      if (opcode === MAKE_CELL) f.fast[oparg] = newCell(f.fast[oparg]);
      else if (opcode === COPY_FREE_VARS) {
        const closure = f.func!.closure!.items;
        const base = f.code.nlocalsplus - oparg;
        for (let k = 0; k < oparg; k++) f.fast[base + k] = newRef(closure[k]);
      }
    }
    return gen;
  }

  // ------------------------------------------------------------------ running

  /** Run `entry` to completion and return its result (new reference). Throws its exception. */
  execute(entry: Frame): PyObject {
    entry.entry = true;
    this.pushFrame(entry);
    this.nesting++;
    try {
      for (;;) {
        try {
          return this.loop();
        } catch (e) {
          if (e instanceof LimitExceeded) throw e;
          const exc = this.toPyException(e);
          const escaping = this.unwind(exc);
          if (escaping !== null) throw escaping;
        }
      }
    } finally {
      this.nesting--;
    }
  }

  /** Continue a paused outermost run. */
  resume(): PyObject {
    this.nesting++;
    try {
      for (;;) {
        try {
          return this.loop();
        } catch (e) {
          if (e instanceof LimitExceeded) throw e;
          const exc = this.toPyException(e);
          const escaping = this.unwind(exc);
          if (escaping !== null) throw escaping;
        }
      }
    } finally {
      this.nesting--;
    }
  }

  isPausedValue(v: PyObject): boolean {
    return v === PAUSED;
  }

  private toPyException(e: unknown): PyBaseException {
    if (e instanceof PyBaseException) return e;
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      return newException(E.RecursionError, 'maximum recursion depth exceeded');
    }
    const msg = e instanceof Error ? `${e.message}` : String(e);
    const exc = newException(E.SystemError, `internal error: ${msg}`);
    (exc as unknown as { jsError: unknown }).jsError = e;
    return exc;
  }

  // ------------------------------------------------------------------ exceptions

  /** Is this exception being raised for the first time (not re-raised)? Set by raise points. */
  private reraising = false;

  /**
   * Find a handler for `exc` starting in the current frame. Returns null if the loop can
   * continue (a handler was found in a frame of this activation), else the exception leaving the
   * entry frame (which has been popped); leaving a generator turns StopIteration into
   * RuntimeError (PEP 479), so it may differ from `exc`.
   */
  private unwind(exc: PyBaseException): PyBaseException | null {
    if (this.reraising) this.reraising = false;
    else this.chainContext(exc);
    let f = this.frame!;
    let addTb = !this.skipTraceback;
    this.skipTraceback = false;
    for (;;) {
      if (addTb) this.addTraceback(exc, f);
      addTb = true;
      // The handler is looked up at the instruction actually executing (ip - 1; RERAISE may have
      // restored lasti to the original raise point for the traceback, as in ceval.c).
      const handler = this.findHandler(f.code, f.ip - 1);
      if (handler !== null) {
        const stack = f.stack;
        while (f.sp > handler.depth) {
          const v = stack[--f.sp];
          stack[f.sp] = null;
          xdecref(v);
        }
        if (handler.lasti) stack[f.sp++] = newInt(f.lasti);
        stack[f.sp++] = exc;
        f.ip = handler.target;
        return null;
      }
      // No handler: the frame exits with the exception.
      const wasEntry = f.entry;
      exc = this.exitFrameWithException(f, exc);
      if (wasEntry) return exc;
      f = this.frame!;
    }
  }

  private skipTraceback = false;

  private exitFrameWithException(f: Frame, exc: PyBaseException): PyBaseException {
    this.frame = f.previous;
    this.depth--;
    const gen = f.generator;
    if (gen !== null) {
      gen.state = GenState.Closed;
      this.popGenExcState(f);
      if (exc.ob_type.isSubtypeOf(E.StopIteration) || (gen.ob_type === coroutineType && false)) {
        const what = gen.ob_type === coroutineType ? 'coroutine' : 'generator';
        const err = newException(E.RuntimeError, `${what} raised StopIteration`);
        err.cause = exc;
        err.context = newRef(exc);
        err.suppressContext = true;
        exc = err;
      }
      this.releaseFrame(f);
      f.generator = null;
    } else this.releaseFrame(f);
    if (f.returnMode === ReturnMode.Init) {
      xdecref(f.initSelf);
      f.initSelf = null;
    }
    return exc;
  }

  private findHandler(code: PyCode, lasti: number): { target: number; depth: number; lasti: boolean } | null {
    const table = code.exceptionTable;
    for (let i = 0; i < table.length; i++) {
      const e = table[i];
      if (lasti >= e.start && lasti < e.end) return e;
    }
    return null;
  }

  private addTraceback(exc: PyBaseException, f: Frame): void {
    const fo = (f.frameObject ??= newFrameObject(f.code, f.globals, f.lasti, f.previous?.frameObject ?? null));
    fo.lasti = f.lasti;
    const tb = newTraceback(exc.traceback as PyTraceback | null, fo, f.lasti);
    exc.traceback = tb;
  }

  /** The exception being handled (sys.exc_info()[1]), or null. */
  currentHandled(): PyObject | null {
    for (let s: ExcState | null = this.excState; s !== null; s = s.previous) {
      if (s.value !== null && s.value !== None) return s.value;
    }
    return null;
  }

  /** _PyErr_SetObject's context chaining: the handled exception becomes __context__ (no cycles). */
  chainContext(exc: PyBaseException): void {
    const handled = this.currentHandled();
    if (handled === null || handled === exc || !(handled instanceof PyBaseException)) return;
    // Break a cycle: if exc is already in handled's context chain, cut it there.
    let o: PyBaseException = handled;
    for (;;) {
      const ctx = o.context;
      if (ctx === null) break;
      if (ctx === exc) {
        o.context = null;
        decref(ctx);
        break;
      }
      o = ctx;
    }
    if (exc.context !== handled) {
      const old = exc.context;
      exc.context = newRef(handled);
      xdecref(old);
    }
  }

  private popGenExcState(f: Frame): void {
    if (f.excState !== null && this.excState === f.excState) {
      this.excState = f.excState.previous!;
      f.excState.previous = null;
    }
  }

  // ------------------------------------------------------------------ generators

  /** Resume `gen` from native code (next/send/throw): returns [value, finished]. */
  resumeGenerator(gen: PyGenerator, value: PyObject | null, throwExc: PyBaseException | null = null): [PyObject, boolean] {
    const f = gen.frame as Frame;
    if (gen.state === GenState.Running) {
      throw newException(E.ValueError, 'generator already executing');
    }
    if (gen.state === GenState.Closed) {
      if (throwExc !== null) throw throwExc;
      return [newRef(None), true];
    }
    if (gen.state === GenState.Created && value !== null && value !== None && throwExc === null) {
      throw newException(E.TypeError, "can't send non-None value to a just-started generator");
    }
    gen.state = GenState.Running;
    f.returnMode = ReturnMode.Push;
    f.entry = true;
    f.excState!.previous = this.excState;
    this.excState = f.excState!;
    if (throwExc === null) f.stack[f.sp++] = value !== null ? newRef(value) : newRef(None);
    this.pushFrame(f);
    this.nesting++;
    this.genReturned = false;
    try {
      let pending: PyBaseException | null = throwExc;
      for (;;) {
        try {
          if (pending !== null) {
            const e = pending;
            pending = null;
            // throw() raises at the yield point: the frame's lasti is the YIELD_VALUE.
            this.reraising = false;
            throw e;
          }
          const r = this.loop();
          const finished = this.genReturned;
          this.genReturned = false;
          return [r, finished];
        } catch (e) {
          if (e instanceof LimitExceeded) throw e;
          const exc = this.toPyException(e);
          const escaping = this.unwind(exc);
          if (escaping !== null) throw escaping;
        }
      }
    } finally {
      this.nesting--;
    }
  }

  /** Set when the entry frame that just left the loop was a generator returning (not yielding). */
  private genReturned = false;

  // ------------------------------------------------------------------ the loop

  private loop(): PyObject {
    let f = this.frame!;
    let code = f.co_code;
    let stack = f.stack;
    let fast = f.fast;
    let consts = f.code.consts;
    let names = f.code.nameStrings;
    for (;;) {
      if (this.observed && this.observe(f)) return PAUSED;
      let ip = f.ip;
      let word = code[ip];
      let opcode = word & 255;
      let oparg = word >> 8;
      while (opcode === EXTENDED_ARG) {
        word = code[++ip];
        opcode = word & 255;
        oparg = (oparg << 8) | (word >> 8);
      }
      f.lasti = ip;
      f.ip = ip + 1;
      switch (opcode) {
        case NOP:
          break;
        case RESUME:
          if (--this.budget <= 0 && this.breaker()) return PAUSED;
          break;
        case LOAD_FAST: {
          const v = fast[oparg];
          if (v === null) throw this.unboundLocal(f, oparg);
          v.ob_refcnt++;
          stack[f.sp++] = v;
          break;
        }
        case LOAD_CONST: {
          const v = consts[oparg];
          v.ob_refcnt++;
          stack[f.sp++] = v;
          break;
        }
        case STORE_FAST: {
          const old = fast[oparg];
          fast[oparg] = stack[--f.sp];
          stack[f.sp] = null;
          if (old !== null) decref(old);
          break;
        }
        case DELETE_FAST: {
          const old = fast[oparg];
          if (old === null) throw this.unboundLocal(f, oparg);
          fast[oparg] = null;
          decref(old);
          break;
        }
        case POP_TOP: {
          const v = stack[--f.sp];
          stack[f.sp] = null;
          xdecref(v);
          break;
        }
        case PUSH_NULL:
          stack[f.sp++] = null;
          break;
        case COPY: {
          const v = stack[f.sp - oparg]!;
          v.ob_refcnt++;
          stack[f.sp++] = v;
          break;
        }
        case SWAP: {
          const i = f.sp - 1, j = f.sp - oparg;
          const t = stack[i];
          stack[i] = stack[j];
          stack[j] = t;
          break;
        }
        case UNARY_POSITIVE:
        case UNARY_NEGATIVE:
        case UNARY_INVERT: {
          const v = stack[f.sp - 1]!;
          const r = unaryOp(v, opcode);
          stack[f.sp - 1] = r;
          decref(v);
          break;
        }
        case UNARY_NOT: {
          const v = stack[f.sp - 1]!;
          const r = A.isTrue(v) ? False : True;
          r.ob_refcnt++;
          stack[f.sp - 1] = r;
          decref(v);
          break;
        }
        case BINARY_OP: {
          const b = stack[f.sp - 1]!, a = stack[f.sp - 2]!;
          let r: PyObject;
          if (a.ob_type === intType && b.ob_type === intType && (oparg === 0 || oparg === 13)) {
            r = newIntValue(addValues((a as PyInt).value, (b as PyInt).value));
          } else if (a.ob_type === intType && b.ob_type === intType && (oparg === 10 || oparg === 23)) {
            r = newIntValue(subValues((a as PyInt).value, (b as PyInt).value));
          } else if (a.ob_type === intType && b.ob_type === intType) {
            r = intBinary((a as PyInt).value, (b as PyInt).value, oparg >= 13 ? oparg - 13 : oparg);
          } else if (a.ob_type === floatType && (b.ob_type === floatType || b.ob_type === intType) && oparg !== 4 && oparg !== 17) {
            r = floatBinary((a as PyFloat).value, A.floatValue(b)!, oparg >= 13 ? oparg - 13 : oparg);
          } else if (a.ob_type === intType && b.ob_type === floatType && oparg !== 4 && oparg !== 17) {
            r = floatBinary(A.floatValue(a)!, (b as PyFloat).value, oparg >= 13 ? oparg - 13 : oparg);
          } else {
            r = A.binaryOp(a, b, oparg);
          }
          if (r === NotImplemented) {
            decref(r);
            r = A.binaryOp(a, b, oparg);
          }
          f.sp -= 2;
          stack[f.sp + 1] = null;
          decref(a);
          decref(b);
          stack[f.sp++] = r;
          f.ip += 1;
          break;
        }
        case COMPARE_OP: {
          const b = stack[f.sp - 1]!, a = stack[f.sp - 2]!;
          let r: PyObject;
          if (a.ob_type === intType && b.ob_type === intType) {
            r = compareInts((a as PyInt).value, (b as PyInt).value, oparg) ? True : False;
            r.ob_refcnt++;
          } else r = A.richCompare(a, b, oparg);
          f.sp -= 2;
          stack[f.sp + 1] = null;
          decref(a);
          decref(b);
          stack[f.sp++] = r;
          f.ip += 2;
          break;
        }
        case IS_OP: {
          const b = stack[--f.sp]!, a = stack[f.sp - 1]!;
          stack[f.sp] = null;
          const r = (a === b) !== (oparg === 1) ? True : False;
          r.ob_refcnt++;
          stack[f.sp - 1] = r;
          decref(a);
          decref(b);
          break;
        }
        case CONTAINS_OP: {
          const container = stack[f.sp - 1]!, item = stack[f.sp - 2]!;
          const found = A.contains(container, item);
          f.sp -= 2;
          stack[f.sp + 1] = null;
          decref(container);
          decref(item);
          stack[f.sp++] = newBool(found !== (oparg === 1));
          break;
        }
        case BINARY_SUBSCR: {
          const key = stack[f.sp - 1]!, container = stack[f.sp - 2]!;
          const r = A.getItem(container, key);
          f.sp -= 2;
          stack[f.sp + 1] = null;
          decref(container);
          decref(key);
          stack[f.sp++] = r;
          f.ip += 4;
          break;
        }
        case STORE_SUBSCR: {
          const key = stack[f.sp - 1]!, container = stack[f.sp - 2]!, value = stack[f.sp - 3]!;
          storeSubscr(container, key, value);
          f.sp -= 3;
          stack[f.sp] = stack[f.sp + 1] = stack[f.sp + 2] = null;
          decref(key);
          decref(container);
          decref(value);
          f.ip += 1;
          break;
        }
        case DELETE_SUBSCR: {
          const key = stack[f.sp - 1]!, container = stack[f.sp - 2]!;
          A.setItem(container, key, null);
          f.sp -= 2;
          stack[f.sp] = stack[f.sp + 1] = null;
          decref(key);
          decref(container);
          break;
        }
        case GET_ITER: {
          const v = stack[f.sp - 1]!;
          stack[f.sp - 1] = A.getIter(v);
          decref(v);
          break;
        }
        case GET_YIELD_FROM_ITER: {
          const v = stack[f.sp - 1]!;
          if (!(v instanceof PyGenerator)) {
            stack[f.sp - 1] = A.getIter(v);
            decref(v);
          }
          break;
        }
        case FOR_ITER: {
          const it = stack[f.sp - 1]!;
          if (it instanceof PyRangeIterator) {
            if (it.remaining > 0) {
              const v = it.next;
              it.next += it.step;
              it.remaining--;
              stack[f.sp++] = newInt(v);
            } else {
              stack[--f.sp] = null;
              decref(it);
              f.ip += oparg;
            }
            break;
          }
          if (it instanceof PyIterator) {
            const v = it.nextItem();
            if (v !== null) stack[f.sp++] = v;
            else {
              stack[--f.sp] = null;
              decref(it);
              f.ip += oparg;
            }
            break;
          }
          if (it instanceof PyGenerator && it.ob_type === generatorType && it.state !== GenState.Running) {
            if (it.state === GenState.Closed) {
              stack[--f.sp] = null;
              decref(it);
              f.ip += oparg;
              break;
            }
            const gf = this.enterGenerator(it, ReturnMode.ForIter, f.ip + oparg, None);
            f = gf;
            code = f.co_code; stack = f.stack; fast = f.fast; consts = f.code.consts; names = f.code.nameStrings;
            break;
          }
          const v = A.iterNext(it);
          if (v !== null) stack[f.sp++] = v;
          else {
            stack[--f.sp] = null;
            decref(it);
            f.ip += oparg;
          }
          break;
        }
        case JUMP_FORWARD:
          f.ip += oparg;
          break;
        case JUMP_BACKWARD:
          f.ip -= oparg;
          if (--this.budget <= 0 && this.breaker()) return PAUSED;
          break;
        case JUMP_BACKWARD_NO_INTERRUPT:
          f.ip -= oparg;
          break;
        case POP_JUMP_FORWARD_IF_FALSE:
        case POP_JUMP_BACKWARD_IF_FALSE: {
          const v = stack[--f.sp]!;
          stack[f.sp] = null;
          const t = v === True ? true : v === False ? false : A.isTrue(v);
          decref(v);
          if (!t) f.ip += opcode === POP_JUMP_FORWARD_IF_FALSE ? oparg : -oparg;
          break;
        }
        case POP_JUMP_FORWARD_IF_TRUE:
        case POP_JUMP_BACKWARD_IF_TRUE: {
          const v = stack[--f.sp]!;
          stack[f.sp] = null;
          const t = v === True ? true : v === False ? false : A.isTrue(v);
          decref(v);
          if (t) f.ip += opcode === POP_JUMP_FORWARD_IF_TRUE ? oparg : -oparg;
          break;
        }
        case POP_JUMP_FORWARD_IF_NONE:
        case POP_JUMP_BACKWARD_IF_NONE: {
          const v = stack[--f.sp]!;
          stack[f.sp] = null;
          decref(v);
          if (v === None) f.ip += opcode === POP_JUMP_FORWARD_IF_NONE ? oparg : -oparg;
          break;
        }
        case POP_JUMP_FORWARD_IF_NOT_NONE:
        case POP_JUMP_BACKWARD_IF_NOT_NONE: {
          const v = stack[--f.sp]!;
          stack[f.sp] = null;
          decref(v);
          if (v !== None) f.ip += opcode === POP_JUMP_FORWARD_IF_NOT_NONE ? oparg : -oparg;
          break;
        }
        case JUMP_IF_FALSE_OR_POP:
        case JUMP_IF_TRUE_OR_POP: {
          const v = stack[f.sp - 1]!;
          const t = A.isTrue(v);
          if (t === (opcode === JUMP_IF_TRUE_OR_POP)) f.ip += oparg;
          else {
            stack[--f.sp] = null;
            decref(v);
          }
          break;
        }
        case LOAD_GLOBAL: {
          if (oparg & 1) stack[f.sp++] = null;
          const name = names[oparg >> 1];
          let v = f.globals.getStr(name);
          if (v === undefined) v = f.builtins.getStr(name);
          if (v === undefined) throw this.nameError(name);
          v.ob_refcnt++;
          stack[f.sp++] = v;
          f.ip += 5;
          break;
        }
        case STORE_GLOBAL: {
          const v = stack[--f.sp]!;
          stack[f.sp] = null;
          f.globals.setStr(names[oparg], v);
          decref(v);
          break;
        }
        case DELETE_GLOBAL: {
          const key = newStr(names[oparg]);
          const found = f.globals.delete(key);
          decref(key);
          if (!found) throw this.nameError(names[oparg]);
          break;
        }
        case LOAD_NAME: {
          stack[f.sp++] = this.loadName(f, names[oparg]);
          break;
        }
        case STORE_NAME: {
          const v = stack[--f.sp]!;
          stack[f.sp] = null;
          this.storeName(f, names[oparg], v);
          decref(v);
          break;
        }
        case DELETE_NAME:
          this.deleteName(f, names[oparg]);
          break;
        case LOAD_ATTR: {
          const owner = stack[f.sp - 1]!;
          const r = A.getAttr(owner, names[oparg]);
          stack[f.sp - 1] = r;
          decref(owner);
          f.ip += 4;
          break;
        }
        case LOAD_METHOD: {
          this.loadMethod(f, names[oparg]);
          f.ip += 10;
          break;
        }
        case STORE_ATTR: {
          const owner = stack[f.sp - 1]!, value = stack[f.sp - 2]!;
          A.setAttr(owner, names[oparg], value);
          f.sp -= 2;
          stack[f.sp] = stack[f.sp + 1] = null;
          decref(owner);
          decref(value);
          f.ip += 4;
          break;
        }
        case DELETE_ATTR: {
          const owner = stack[f.sp - 1]!;
          A.setAttr(owner, names[oparg], null);
          stack[--f.sp] = null;
          decref(owner);
          break;
        }
        case KW_NAMES:
          f.kwnames = f.code.kwnames(oparg);
          break;
        case PRECALL:
          f.ip += 1;
          break;
        case CALL: {
          f.ip += 4;
          const next = this.call(f, oparg);
          if (next !== null) {
            f = next;
            code = f.co_code; stack = f.stack; fast = f.fast; consts = f.code.consts; names = f.code.nameStrings;
            if (--this.budget <= 0 && this.breaker()) return PAUSED;
          }
          break;
        }
        case CALL_FUNCTION_EX: {
          const next = this.callFunctionEx(f, oparg);
          if (next !== null) {
            f = next;
            code = f.co_code; stack = f.stack; fast = f.fast; consts = f.code.consts; names = f.code.nameStrings;
          }
          break;
        }
        case RETURN_VALUE: {
          const v = stack[--f.sp]!;
          stack[f.sp] = null;
          const caller = this.returnFromFrame(f, v);
          if (caller === null) return v;
          f = caller;
          code = f.co_code; stack = f.stack; fast = f.fast; consts = f.code.consts; names = f.code.nameStrings;
          break;
        }
        case YIELD_VALUE: {
          const v = stack[--f.sp]!;
          stack[f.sp] = null;
          const caller = this.yieldFromFrame(f, v);
          if (caller === null) return v;
          f = caller;
          code = f.co_code; stack = f.stack; fast = f.fast; consts = f.code.consts; names = f.code.nameStrings;
          break;
        }
        case SEND: {
          const next = this.send(f, oparg);
          if (next !== null) {
            f = next;
            code = f.co_code; stack = f.stack; fast = f.fast; consts = f.code.consts; names = f.code.nameStrings;
          }
          break;
        }
        case RETURN_GENERATOR:
          // Generator frames are created suspended past this instruction (makeGenerator).
          throw newException(E.SystemError, 'RETURN_GENERATOR executed');
        case MAKE_FUNCTION:
          this.makeFunction(f, oparg);
          break;
        case MAKE_CELL: {
          fast[oparg] = newCell(fast[oparg]);
          break;
        }
        case COPY_FREE_VARS: {
          const closure = f.func!.closure!.items;
          const base = f.code.nlocalsplus - oparg;
          for (let i = 0; i < oparg; i++) {
            closure[i].ob_refcnt++;
            fast[base + i] = closure[i];
          }
          break;
        }
        case LOAD_CLOSURE: {
          const c = fast[oparg]!;
          c.ob_refcnt++;
          stack[f.sp++] = c;
          break;
        }
        case LOAD_DEREF: {
          const v = (fast[oparg] as PyCell).contents;
          if (v === null) throw this.unboundDeref(f, oparg);
          v.ob_refcnt++;
          stack[f.sp++] = v;
          break;
        }
        case LOAD_CLASSDEREF: {
          stack[f.sp++] = this.loadClassDeref(f, oparg);
          break;
        }
        case STORE_DEREF: {
          const cell = fast[oparg] as PyCell;
          const old = cell.contents;
          cell.contents = stack[--f.sp];
          stack[f.sp] = null;
          xdecref(old);
          break;
        }
        case DELETE_DEREF: {
          const cell = fast[oparg] as PyCell;
          const old = cell.contents;
          if (old === null) throw this.unboundDeref(f, oparg);
          cell.contents = null;
          decref(old);
          break;
        }
        case BUILD_TUPLE: {
          const items = stack.slice(f.sp - oparg, f.sp) as PyObject[];
          for (let i = f.sp - oparg; i < f.sp; i++) stack[i] = null;
          f.sp -= oparg;
          stack[f.sp++] = newTupleSteal(items);
          break;
        }
        case BUILD_LIST: {
          const items = stack.slice(f.sp - oparg, f.sp) as PyObject[];
          for (let i = f.sp - oparg; i < f.sp; i++) stack[i] = null;
          f.sp -= oparg;
          stack[f.sp++] = newListSteal(items);
          break;
        }
        case LIST_TO_TUPLE: {
          const l = stack[f.sp - 1] as PyList;
          stack[f.sp - 1] = newTupleSteal(l.items.splice(0));
          decref(l);
          break;
        }
        case LIST_APPEND: {
          const v = stack[--f.sp]!;
          stack[f.sp] = null;
          const l = stack[f.sp - oparg] as PyList;
          l.items.push(v);
          if (l.items.length > l.allocated) listGrew(l);
          break;
        }
        case LIST_EXTEND: {
          const iterable = stack[--f.sp]!;
          stack[f.sp] = null;
          this.listExtend(stack[f.sp - oparg] as PyList, iterable);
          decref(iterable);
          break;
        }
        case BUILD_SET: {
          const s = newSet();
          const items = stack.slice(f.sp - oparg, f.sp) as PyObject[];
          for (let i = f.sp - oparg; i < f.sp; i++) stack[i] = null;
          f.sp -= oparg;
          stack[f.sp++] = s;
          for (const v of items) {
            s.table.set(v, None);
            decref(v);
          }
          break;
        }
        case SET_ADD: {
          const v = stack[--f.sp]!;
          stack[f.sp] = null;
          (stack[f.sp - oparg] as PySet).table.set(v, None);
          decref(v);
          break;
        }
        case SET_UPDATE: {
          const iterable = stack[--f.sp]!;
          stack[f.sp] = null;
          const s = stack[f.sp - oparg] as PySet;
          A.forEach(iterable, (v) => s.table.set(v, None));
          decref(iterable);
          break;
        }
        case BUILD_MAP: {
          const d = newDict();
          const base = f.sp - 2 * oparg;
          try {
            for (let i = 0; i < oparg; i++) d.set(stack[base + 2 * i]!, stack[base + 2 * i + 1]!);
          } catch (e) {
            decref(d);
            throw e;
          }
          for (let i = base; i < f.sp; i++) {
            decref(stack[i]!);
            stack[i] = null;
          }
          f.sp = base;
          stack[f.sp++] = d;
          break;
        }
        case BUILD_CONST_KEY_MAP: {
          const keys = stack[f.sp - 1] as PyTuple;
          const d = newDict();
          const base = f.sp - 1 - oparg;
          for (let i = 0; i < oparg; i++) d.set(keys.items[i], stack[base + i]!);
          for (let i = base; i < f.sp; i++) {
            decref(stack[i]!);
            stack[i] = null;
          }
          f.sp = base;
          stack[f.sp++] = d;
          break;
        }
        case MAP_ADD: {
          const value = stack[--f.sp]!, key = stack[--f.sp]!;
          stack[f.sp] = stack[f.sp + 1] = null;
          (stack[f.sp - oparg] as PyDict).set(key, value);
          decref(key);
          decref(value);
          break;
        }
        case DICT_UPDATE:
        case DICT_MERGE: {
          const other = stack[--f.sp]!;
          stack[f.sp] = null;
          try {
            this.dictUpdate(stack[f.sp - oparg] as PyDict, other, opcode === DICT_MERGE, f);
          } finally {
            decref(other);
          }
          break;
        }
        case BUILD_STRING: {
          let s = '';
          const base = f.sp - oparg;
          for (let i = base; i < f.sp; i++) {
            s += (stack[i] as PyStr).value;
            decref(stack[i]!);
            stack[i] = null;
          }
          f.sp = base;
          stack[f.sp++] = newStr(s);
          break;
        }
        case FORMAT_VALUE: {
          let spec: PyObject | null = null;
          if (oparg & 4) {
            spec = stack[--f.sp]!;
            stack[f.sp] = null;
          }
          const v = stack[f.sp - 1]!;
          const r = formatValue(v, oparg & 3, spec);
          stack[f.sp - 1] = r;
          decref(v);
          xdecref(spec);
          break;
        }
        case BUILD_SLICE: {
          let step: PyObject = None;
          if (oparg === 3) {
            step = stack[--f.sp]!;
            stack[f.sp] = null;
          } else None.ob_refcnt++;
          const stop = stack[--f.sp]!, start = stack[f.sp - 1]!;
          stack[f.sp] = null;
          stack[f.sp - 1] = newSliceSteal(start, stop, step);
          break;
        }
        case UNPACK_SEQUENCE: {
          const seq = stack[--f.sp]!;
          stack[f.sp] = null;
          this.unpackSequence(f, seq, oparg);
          f.ip += 1;
          break;
        }
        case UNPACK_EX: {
          const seq = stack[--f.sp]!;
          stack[f.sp] = null;
          this.unpackEx(f, seq, oparg & 255, oparg >> 8);
          break;
        }
        case RAISE_VARARGS:
          throw this.raise(f, oparg);
        case RERAISE: {
          const exc = stack[--f.sp] as PyBaseException;
          stack[f.sp] = null;
          if (oparg) f.lasti = (stack[f.sp - oparg] as PyInt).value as number;
          this.reraising = true;
          this.skipTraceback = true;
          throw exc;
        }
        case PUSH_EXC_INFO: {
          const v = stack[f.sp - 1]!;
          const prev = this.excState.value;
          stack[f.sp - 1] = prev === null ? newRef(None) : prev;
          v.ob_refcnt++;
          this.excState.value = v;
          stack[f.sp++] = v;
          break;
        }
        case POP_EXCEPT: {
          const v = stack[--f.sp]!;
          stack[f.sp] = null;
          const old = this.excState.value;
          this.excState.value = v === None ? null : v;
          if (v === None) decref(v);
          xdecref(old);
          break;
        }
        case CHECK_EXC_MATCH: {
          const right = stack[--f.sp]!;
          stack[f.sp] = null;
          const left = stack[f.sp - 1]!;
          const r = exceptionMatches(left, right);
          decref(right);
          stack[f.sp++] = newBool(r);
          break;
        }
        case LOAD_ASSERTION_ERROR:
          stack[f.sp++] = newRef(E.AssertionError);
          break;
        case LOAD_BUILD_CLASS: {
          const b = f.builtins.getStr('__build_class__');
          if (b === undefined) throw newException(E.NameError, '__build_class__ not found');
          stack[f.sp++] = newRef(b);
          break;
        }
        case BEFORE_WITH:
          this.beforeWith(f);
          break;
        case WITH_EXCEPT_START: {
          const val = stack[f.sp - 1] as PyBaseException;
          const exit = stack[f.sp - 4]!;
          const tb = val.traceback ?? None;
          const r = A.call(exit, [val.ob_type, val, tb]);
          stack[f.sp++] = r;
          break;
        }
        case GET_LEN: {
          const n = A.length(stack[f.sp - 1]!);
          stack[f.sp++] = newInt(n);
          break;
        }
        case MATCH_MAPPING:
        case MATCH_SEQUENCE: {
          const subject = stack[f.sp - 1]!;
          stack[f.sp++] = newBool(matchKind(subject, opcode === MATCH_MAPPING));
          break;
        }
        case MATCH_KEYS:
          this.matchKeys(f);
          break;
        case MATCH_CLASS:
          this.matchClass(f, oparg);
          break;
        case SETUP_ANNOTATIONS:
          this.setupAnnotations(f);
          break;
        case IMPORT_NAME: {
          const fromlist = stack[--f.sp]!;
          stack[f.sp] = null;
          const level = stack[f.sp - 1]!;
          const m = this.importName(names[oparg], fromlist, (level as PyInt).value as number, f.globals);
          decref(fromlist);
          decref(level);
          stack[f.sp - 1] = m;
          break;
        }
        case IMPORT_FROM: {
          const m = stack[f.sp - 1]!;
          stack[f.sp++] = this.importFrom(m, names[oparg]);
          break;
        }
        case IMPORT_STAR: {
          const m = stack[--f.sp]!;
          stack[f.sp] = null;
          this.importStar(f, m);
          decref(m);
          break;
        }
        case PRINT_EXPR: {
          const v = stack[--f.sp]!;
          stack[f.sp] = null;
          if (v !== None) this.host.writeStdout(A.repr(v) + '\n');
          decref(v);
          break;
        }
        case CACHE:
          throw newException(E.SystemError, `executed a CACHE entry at ${ip * 2}`);
        default:
          throw newException(E.SystemError, `unknown opcode ${op.OPNAME[opcode] ?? opcode}`);
      }
    }
  }

  // ------------------------------------------------------------------ observation

  /** Eval-breaker: the budget ran out. Pause only in the outermost activation. */
  private breaker(): boolean {
    if (this.tickLimit !== Infinity) {
      this.ticksUsed += this.tickChunk;
      if (this.ticksUsed >= this.tickLimit) throw new LimitExceeded(`instruction limit of ${this.tickLimit} reached`);
      this.budget = this.tickChunk;
      return false;
    }
    if (this.nesting === 1 && this.budget !== Infinity) return true;
    this.budget = Infinity;
    return false;
  }

  /** A hard bound on eval-breaker ticks (backward jumps + calls) for runaway programs. */
  tickLimit = Infinity;
  private ticksUsed = 0;
  private readonly tickChunk = 10000;
  setTickLimit(limit: number): void {
    this.tickLimit = limit;
    this.budget = this.tickChunk;
  }

  private observe(f: Frame): boolean {
    return this.observer !== null && this.nesting === 1 && this.observer(f);
  }

  // ------------------------------------------------------------------ helpers (long logic)

  private unboundLocal(f: Frame, i: number): PyBaseException {
    const name = f.code.co.co_localsplusnames[i];
    return newException(E.UnboundLocalError, `cannot access local variable '${name}' where it is not associated with a value`);
  }

  private unboundDeref(f: Frame, i: number): PyBaseException {
    const name = f.code.co.co_localsplusnames[i];
    if (f.code.co.co_localspluskinds[i] & 0x80) {
      return newException(E.NameError, `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`);
    }
    return newException(E.UnboundLocalError, `cannot access local variable '${name}' where it is not associated with a value`);
  }

  nameError(name: string): PyBaseException {
    const e = newException(E.NameError, `name '${name}' is not defined`);
    e.name = newStr(name);
    return e;
  }

  private loadName(f: Frame, name: string): PyObject {
    const locals = f.locals;
    if (locals !== null) {
      if (locals instanceof PyDict) {
        const v = locals.getStr(name);
        if (v !== undefined) return newRef(v);
      } else {
        const key = newStr(name);
        try {
          return A.getItem(locals, key);
        } catch (e) {
          if (!(e instanceof PyBaseException && e.ob_type.isSubtypeOf(E.KeyError))) throw e;
          decref(e);
        } finally {
          decref(key);
        }
      }
    }
    let v = f.globals.getStr(name);
    if (v === undefined) v = f.builtins.getStr(name);
    if (v === undefined) throw this.nameError(name);
    return newRef(v);
  }

  private storeName(f: Frame, name: string, v: PyObject): void {
    const locals = f.locals;
    if (locals === null) throw newException(E.SystemError, `no locals found when storing '${name}'`);
    if (locals instanceof PyDict && locals.ob_type.isHeapType === false) locals.setStr(name, v);
    else {
      const key = newStr(name);
      try {
        A.setItem(locals, key, v);
      } finally {
        decref(key);
      }
    }
  }

  private deleteName(f: Frame, name: string): void {
    const locals = f.locals!;
    const key = newStr(name);
    try {
      if (locals instanceof PyDict) {
        if (!locals.delete(key)) throw this.nameError(name);
      } else A.setItem(locals, key, null);
    } finally {
      decref(key);
    }
  }

  private loadClassDeref(f: Frame, i: number): PyObject {
    const name = f.code.co.co_localsplusnames[i];
    const locals = f.locals;
    if (locals instanceof PyDict) {
      const v = locals.getStr(name);
      if (v !== undefined) return newRef(v);
    }
    const v = (f.fast[i] as PyCell).contents;
    if (v === null) throw this.unboundDeref(f, i);
    return newRef(v);
  }

  /** LOAD_METHOD: push (method, self) when the attribute is a plain method on the type, else (NULL, attr). */
  private loadMethod(f: Frame, name: string): void {
    const stack = f.stack;
    const obj = stack[f.sp - 1]!;
    const type = obj.ob_type;
    if (!(obj instanceof PyType)) {
      const descr = type.lookup(name);
      if ((descr instanceof PyFunction || (descr instanceof PyMethodDescr && descr.kind !== 'classmethod'))
        && A.getAttrOrNull === A.getAttrOrNull && this.plainGetattr(type)) {
        const shadow = obj.dict !== null ? obj.dict.getStr(name) : undefined;
        if (shadow === undefined) {
          descr.ob_refcnt++;
          stack[f.sp - 1] = descr;
          stack[f.sp++] = obj;
          return;
        }
      }
    }
    const attr = A.getAttr(obj, name);
    stack[f.sp - 1] = null;
    stack[f.sp++] = attr;
    decref(obj);
  }

  private objectGetattribute: PyObject | null = null;

  /** Does the type use object.__getattribute__ (so a method found on the type can be called unbound)? */
  private plainGetattr(type: PyType): boolean {
    this.objectGetattribute ??= type.mro[type.mro.length - 1].attrs.get('__getattribute__') ?? null;
    return type.lookup('__getattribute__') === this.objectGetattribute;
  }

  /**
   * CALL: Python functions (and classes whose __init__ is Python) get a frame pushed in this loop
   * and the new frame is returned; everything else is called natively and null returned.
   */
  private call(f: Frame, oparg: number): Frame | null {
    const stack = f.stack;
    const base = f.sp - oparg - 2;
    let isMeth = stack[base] !== null;
    const kwnames = f.kwnames;
    f.kwnames = null;
    if (!isMeth) {
      const callable = stack[base + 1]!;
      if (callable instanceof PyMethod) {
        stack[base] = newRef(callable.func);
        stack[base + 1] = newRef(callable.self);
        decref(callable);
        isMeth = true;
      }
    }
    const fnIndex = isMeth ? base : base + 1;
    const func = stack[fnIndex]!;
    const argStart = fnIndex + 1;
    const nargs = f.sp - argStart;
    if (func instanceof PyFunction) {
      const code = func.code;
      const nf = new Frame(code, func, func.globals, func.builtins, (code.co.co_flags & CO_OPTIMIZED) ? null : func.globals);
      try {
        bindArguments(func, nf.fast, stack, argStart, nargs, kwnames);
      } catch (e) {
        for (let i = argStart; i < f.sp; i++) stack[i] = null;
        f.sp = argStart;
        throw e;
      }
      for (let i = argStart; i < f.sp; i++) stack[i] = null;
      f.sp = base;
      stack[base] = stack[base + 1] = null;
      // The frame keeps the function alive; the stack's reference moves to it.
      if (code.isGenerator || code.isCoroutine) {
        stack[f.sp++] = this.makeGenerator(nf);
        return null;
      }
      this.pushFrame(nf);
      return nf;
    }
    if (func instanceof PyType && func.ob_type === typeType) {
      const nf = this.instantiateInline(f, func, argStart, nargs, kwnames, base);
      if (nf !== undefined) return nf;
    }
    const args = stack.slice(argStart, f.sp) as PyObject[];
    let r: PyObject;
    if (func instanceof PyBuiltinFunction) r = func.fn(func.self ?? None, args, kwnames);
    else r = A.call(func, args, kwnames);
    for (let i = base; i < f.sp; i++) {
      const v = stack[i];
      stack[i] = null;
      xdecref(v);
    }
    f.sp = base;
    stack[f.sp++] = r;
    return null;
  }

  private objectNew: PyObject | null = null;

  /** Class instantiation with object.__new__ and a Python __init__: run __init__ in this loop. */
  private instantiateInline(f: Frame, type: PyType, argStart: number, nargs: number, kwnames: string[] | null, base: number): Frame | undefined {
    const init = type.lookup('__init__');
    if (!(init instanceof PyFunction)) return undefined;
    const newFn = type.lookup('__new__');
    this.objectNew ??= (type.mro[type.mro.length - 1].attrs.get('__new__') ?? null);
    if (newFn !== this.objectNew || type.newInstance === null || init.code.isGenerator) return undefined;
    const obj = type.newInstance(type);
    const stack = f.stack;
    const args: (PyObject | null)[] = [obj];
    for (let i = argStart; i < f.sp; i++) args.push(stack[i]);
    const nf = new Frame(init.code, init, init.globals, init.builtins, null);
    obj.ob_refcnt++; // one for `self`, one kept by the frame to push after __init__
    try {
      bindArguments(init, nf.fast, args, 0, nargs + 1, kwnames);
    } catch (e) {
      for (let i = argStart; i < f.sp; i++) stack[i] = null;
      f.sp = argStart;
      decref(obj);
      throw e;
    }
    for (let i = argStart; i < f.sp; i++) stack[i] = null;
    init.ob_refcnt++;
    decref(type);
    f.sp = base;
    stack[base] = stack[base + 1] = null;
    nf.returnMode = ReturnMode.Init;
    nf.initSelf = obj;
    this.pushFrame(nf);
    return nf;
  }

  private callFunctionEx(f: Frame, oparg: number): Frame | null {
    const stack = f.stack;
    let kwargs: PyObject | null = null;
    if (oparg & 1) {
      kwargs = stack[--f.sp]!;
      stack[f.sp] = null;
    }
    const callargs = stack[--f.sp]!;
    stack[f.sp] = null;
    const func = stack[f.sp - 1]!;
    try {
      let args: PyObject[];
      if (callargs instanceof PyTuple) args = callargs.items;
      else {
        if (callargs.ob_type.lookup('__iter__') === null && callargs.ob_type.lookup('__getitem__') === null) {
          throw newException(E.TypeError, `${funcDescription(func)} argument after * must be an iterable, not ${A.typeName(callargs)}`);
        }
        args = A.toArray(callargs);
        for (const a of args) a.ob_refcnt--;
      }
      let kwnames: string[] | null = null;
      if (kwargs !== null) {
        if (!(kwargs instanceof PyDict)) throw newException(E.TypeError, `${funcDescription(func)} argument after ** must be a mapping, not ${A.typeName(kwargs)}`);
        if (kwargs.used > 0) {
          kwnames = [];
          args = args.slice();
          for (const [k, v] of kwargs.entries()) {
            if (!(k instanceof PyStr)) throw newException(E.TypeError, 'keywords must be strings');
            kwnames.push(k.value);
            args.push(v);
          }
        }
      }
      const r = A.call(func, args, kwnames);
      stack[f.sp - 1] = null;
      decref(func);
      f.sp--;
      stack[f.sp - 1] = r; // replaces the NULL below the function
      return null;
    } finally {
      decref(callargs);
      xdecref(kwargs);
    }
  }

  /** RETURN_VALUE: pop the frame; returns the caller frame to continue in, or null to leave the loop. */
  private returnFromFrame(f: Frame, v: PyObject): Frame | null {
    this.frame = f.previous;
    this.depth--;
    const gen = f.generator;
    let mode = f.returnMode;
    if (gen !== null) {
      gen.state = GenState.Closed;
      this.popGenExcState(f);
      this.releaseFrame(f);
      f.generator = null;
      if (f.entry) {
        f.entry = false;
        this.genReturned = true;
        return null;
      }
    } else {
      this.releaseFrame(f);
      if (f.entry) return null;
    }
    const caller = this.frame!;
    const stack = caller.stack;
    switch (mode) {
      case ReturnMode.Push:
        stack[caller.sp++] = v;
        break;
      case ReturnMode.Init: {
        const self = f.initSelf!;
        f.initSelf = null;
        if (v !== None) {
          const n = A.typeName(v);
          decref(v);
          decref(self);
          throw newException(E.TypeError, `__init__() should return None, not '${n}'`);
        }
        decref(v);
        stack[caller.sp++] = self;
        break;
      }
      case ReturnMode.ForIter: {
        // The generator is exhausted: drop it from the caller's stack and leave the loop.
        decref(v);
        const it = stack[--caller.sp]!;
        stack[caller.sp] = null;
        decref(it);
        caller.ip = f.jumpTarget;
        break;
      }
      case ReturnMode.Send: {
        const receiver = stack[caller.sp - 1]!;
        stack[caller.sp - 1] = v;
        decref(receiver);
        caller.ip = f.jumpTarget;
        break;
      }
    }
    mode = ReturnMode.Push;
    return caller;
  }

  /** YIELD_VALUE: suspend the generator frame and hand the value to whoever resumed it. */
  private yieldFromFrame(f: Frame, v: PyObject): Frame | null {
    const gen = f.generator!;
    gen.state = GenState.Suspended;
    this.popGenExcState(f);
    this.frame = f.previous;
    f.previous = null;
    this.depth--;
    if (f.entry) {
      f.entry = false;
      return null;
    }
    const caller = this.frame!;
    caller.stack[caller.sp++] = v;
    return caller;
  }

  /** Resume a generator inside this loop (FOR_ITER, SEND). Returns its frame. */
  private enterGenerator(gen: PyGenerator, mode: ReturnMode, jumpTarget: number, value: PyObject): Frame {
    const gf = gen.frame as Frame;
    gen.state = GenState.Running;
    gf.returnMode = mode;
    gf.jumpTarget = jumpTarget;
    gf.entry = false;
    gf.excState!.previous = this.excState;
    this.excState = gf.excState!;
    value.ob_refcnt++;
    gf.stack[gf.sp++] = value;
    try {
      this.pushFrame(gf);
    } catch (e) {
      gen.state = GenState.Suspended;
      this.popGenExcState(gf);
      throw e;
    }
    return gf;
  }

  private send(f: Frame, oparg: number): Frame | null {
    const stack = f.stack;
    const v = stack[f.sp - 1]!;
    const receiver = stack[f.sp - 2]!;
    if (receiver instanceof PyGenerator && receiver.state !== GenState.Running && receiver.state !== GenState.Closed) {
      stack[--f.sp] = null;
      const gf = this.enterGenerator(receiver, ReturnMode.Send, f.ip + oparg, v);
      decref(v);
      return gf;
    }
    let r: PyObject | null;
    if (receiver instanceof PyGenerator) {
      const [value, done] = this.resumeGenerator(receiver, v);
      r = done ? null : value;
      if (done) {
        stack[--f.sp] = null;
        decref(v);
        stack[f.sp - 1] = value;
        decref(receiver);
        f.ip += oparg;
        return null;
      }
    } else if (v === None) {
      r = A.iterNext(receiver);
      if (r === null) {
        stack[--f.sp] = null;
        decref(v);
        stack[f.sp - 1] = newRef(None);
        decref(receiver);
        f.ip += oparg;
        return null;
      }
    } else {
      r = A.callMethod(receiver, 'send', [v]);
    }
    stack[f.sp - 1] = r;
    decref(v);
    return null;
  }

  private makeFunction(f: Frame, flags: number): void {
    const stack = f.stack;
    const code = stack[--f.sp] as PyCode;
    stack[f.sp] = null;
    const func = newFunction(code, f.globals, f.builtins);
    if (flags & 8) {
      func.closure = stack[--f.sp] as PyTuple;
      stack[f.sp] = null;
    }
    if (flags & 4) {
      func.annotations = stack[--f.sp];
      stack[f.sp] = null;
    }
    if (flags & 2) {
      func.kwdefaults = stack[--f.sp] as PyDict;
      stack[f.sp] = null;
    }
    if (flags & 1) {
      func.defaults = stack[--f.sp] as PyTuple;
      stack[f.sp] = null;
    }
    const doc = code.consts.length > 0 && code.consts[0] instanceof PyStr && (code.co.co_flags & 0x4000000) === 0 ? null : null;
    void doc;
    const modname = f.globals.getStr('__name__');
    if (modname !== undefined) func.module = newRef(modname);
    func.doc = code.docstring !== null ? newRef(code.docstring) : newRef(None);
    decref(code);
    stack[f.sp++] = func;
  }

  private listExtend(list: PyList, iterable: PyObject): void {
    if (iterable.ob_type === listType || iterable.ob_type === tupleType) {
      for (const v of (iterable as PyList).items) {
        v.ob_refcnt++;
        list.items.push(v);
      }
      return;
    }
    const t = iterable.ob_type;
    if (t.lookup('__iter__') === null && t.lookup('__getitem__') === null) {
      throw newException(E.TypeError, `Value after * must be an iterable, not ${t.name}`);
    }
    for (const v of A.toArray(iterable)) list.items.push(v);
  }

  private dictUpdate(d: PyDict, other: PyObject, merge: boolean, f: Frame): void {
    if (!(other instanceof PyDict)) {
      if (other.ob_type.lookup('keys') === null) {
        if (merge) {
          const func = f.stack[f.sp - 2 - 2];
          throw newException(E.TypeError, `${func ? funcDescription(func) : 'function'} argument after ** must be a mapping, not ${A.typeName(other)}`);
        }
        throw newException(E.TypeError, `'${A.typeName(other)}' object is not a mapping`);
      }
      const keys = A.callMethod(other, 'keys', []);
      try {
        A.forEach(keys, (k) => {
          const v = A.getItem(other, k);
          d.set(k, v);
          decref(v);
        });
      } finally {
        decref(keys);
      }
      return;
    }
    for (const [k, v] of other.entries()) {
      if (merge && d.findIndex(k) >= 0) {
        const func = f.stack[f.sp - 2 - 2];
        throw newException(E.TypeError, `${func ? funcDescription(func) : 'function'} got multiple values for keyword argument '${A.str(k)}'`);
      }
      d.set(k, v);
    }
  }

  private unpackSequence(f: Frame, seq: PyObject, n: number): void {
    const stack = f.stack;
    let items: PyObject[];
    if ((seq.ob_type === tupleType || seq.ob_type === listType) && (seq as PyTuple).items.length === n) {
      items = (seq as PyTuple).items;
      for (let i = n - 1; i >= 0; i--) {
        items[i].ob_refcnt++;
        stack[f.sp++] = items[i];
      }
      decref(seq);
      return;
    }
    try {
      items = this.collectForUnpack(seq, n, -1);
    } finally {
      decref(seq);
    }
    for (let i = n - 1; i >= 0; i--) stack[f.sp++] = items[i];
  }

  private collectForUnpack(seq: PyObject, before: number, after: number): PyObject[] {
    const t = seq.ob_type;
    if (t.lookup('__iter__') === null && t.lookup('__getitem__') === null) {
      throw newException(E.TypeError, `cannot unpack non-iterable ${t.name} object`);
    }
    const it = A.getIter(seq);
    const out: PyObject[] = [];
    try {
      if (after < 0) {
        for (let i = 0; i < before; i++) {
          const v = A.iterNext(it);
          if (v === null) throw newException(E.ValueError, `not enough values to unpack (expected ${before}, got ${i})`);
          out.push(v);
        }
        const extra = A.iterNext(it);
        if (extra !== null) {
          decref(extra);
          if (seq.ob_type === listType || seq.ob_type === tupleType) {
            throw newException(E.ValueError, `too many values to unpack (expected ${before}, got ${(seq as PyList).items.length})`);
          }
          throw newException(E.ValueError, `too many values to unpack (expected ${before})`);
        }
        return out;
      }
      for (let v = A.iterNext(it); v !== null; v = A.iterNext(it)) out.push(v);
      if (out.length < before + after) {
        throw newException(E.ValueError, `not enough values to unpack (expected at least ${before + after}, got ${out.length})`);
      }
      return out;
    } catch (e) {
      for (const v of out) decref(v);
      throw e;
    } finally {
      decref(it);
    }
  }

  private unpackEx(f: Frame, seq: PyObject, before: number, after: number): void {
    let items: PyObject[];
    try {
      items = this.collectForUnpack(seq, before, after);
    } finally {
      decref(seq);
    }
    const stack = f.stack;
    const middle = newListSteal(items.slice(before, items.length - after));
    const result = [...items.slice(0, before), middle, ...items.slice(items.length - after)];
    for (let i = result.length - 1; i >= 0; i--) stack[f.sp++] = result[i];
  }

  private raise(f: Frame, oparg: number): PyBaseException {
    const stack = f.stack;
    if (oparg === 0) {
      const cur = this.currentHandled();
      if (cur === null) return newException(E.RuntimeError, 'No active exception to reraise');
      this.reraising = true;
      return newRef(cur as PyBaseException);
    }
    let cause: PyObject | null = null;
    if (oparg === 2) {
      cause = stack[--f.sp];
      stack[f.sp] = null;
    }
    const v = stack[--f.sp]!;
    stack[f.sp] = null;
    const exc = this.makeRaisable(v, false);
    if (cause !== null) {
      let c: PyBaseException | null;
      if (cause === None) {
        c = null;
        decref(cause);
      } else {
        c = this.makeRaisable(cause, true);
      }
      xdecref(exc.cause);
      exc.cause = c;
      exc.suppressContext = true;
    }
    return exc;
  }

  /** An exception instance from `raise X` / `raise X()` (steals `v`). */
  private makeRaisable(v: PyObject, isCause: boolean): PyBaseException {
    if (v instanceof PyType && v.isExceptionType) {
      const inst = A.call(v, []);
      decref(v);
      if (!(inst instanceof PyBaseException)) {
        const n = A.typeName(inst);
        decref(inst);
        return newException(E.TypeError, `calling ${A.repr(v)} should have returned an instance of BaseException, not ${n}`);
      }
      return inst;
    }
    if (v instanceof PyBaseException) return v;
    decref(v);
    if (isCause) return newException(E.TypeError, 'exception causes must derive from BaseException');
    return newException(E.TypeError, 'exceptions must derive from BaseException');
  }

  private beforeWith(f: Frame): void {
    const stack = f.stack;
    const mgr = stack[f.sp - 1]!;
    const type = mgr.ob_type;
    const enter = type.lookup('__enter__');
    if (enter === null) {
      throw newException(E.TypeError, `'${type.name}' object does not support the context manager protocol`);
    }
    const exitDescr = type.lookup('__exit__');
    if (exitDescr === null) {
      throw newException(E.TypeError, `'${type.name}' object does not support the context manager protocol (missed __exit__ method)`);
    }
    const exit = A.descrGet(exitDescr, mgr, type);
    stack[f.sp - 1] = exit;
    try {
      const r = A.callBound(enter, mgr, []);
      stack[f.sp++] = r;
    } finally {
      decref(mgr);
    }
  }

  private matchKeys(f: Frame): void {
    const stack = f.stack;
    const keys = stack[f.sp - 1] as PyTuple;
    const subject = stack[f.sp - 2]!;
    const values: PyObject[] = [];
    for (const k of keys.items) {
      let v: PyObject | null = null;
      if (subject instanceof PyDict) {
        const x = subject.get(k);
        if (x !== undefined) v = newRef(x);
      } else {
        try {
          v = A.callMethod(subject, 'get', [k, this.missingSentinel()]);
          if (v === this.missingSentinel()) {
            decref(v);
            v = null;
          }
        } catch (e) {
          for (const x of values) decref(x);
          throw e;
        }
      }
      if (v === null) {
        for (const x of values) decref(x);
        stack[f.sp++] = newRef(None);
        return;
      }
      values.push(v);
    }
    stack[f.sp++] = newTupleSteal(values);
  }

  private sentinel: PyObject | null = null;
  private missingSentinel(): PyObject {
    return (this.sentinel ??= A.call(E.BaseException.mro[1], []));
  }

  private matchClass(f: Frame, nargs: number): void {
    const stack = f.stack;
    const names = stack[--f.sp] as PyTuple;
    stack[f.sp] = null;
    const cls = stack[--f.sp]!;
    stack[f.sp] = null;
    const subject = stack[f.sp - 1]!;
    try {
      if (!(cls instanceof PyType)) throw newException(E.TypeError, 'called match pattern must be a type');
      if (!A.isInstance(subject, cls)) {
        stack[f.sp - 1] = newRef(None);
        decref(subject);
        return;
      }
      const attrs: PyObject[] = [];
      const seen = new Set<string>();
      const getOne = (name: string): boolean => {
        if (seen.has(name)) throw newException(E.TypeError, `${cls.name}() got multiple sub-patterns for attribute '${name}'`);
        seen.add(name);
        const v = A.getAttrOrNull(subject, name);
        if (v === null) return false;
        attrs.push(v);
        return true;
      };
      let ok = true;
      if (nargs > 0) {
        const matchArgs = A.typeGetAttr(cls, '__match_args__');
        const selfMatch = ['bool', 'bytearray', 'bytes', 'dict', 'float', 'frozenset', 'int', 'list', 'set', 'str', 'tuple'].includes(cls.name) && !cls.isHeapType;
        if (matchArgs === null) {
          if (selfMatch && nargs === 1) {
            attrs.push(newRef(subject));
          } else if (nargs > 0) {
            throw newException(E.TypeError, `${cls.name}() accepts 0 positional sub-patterns (${nargs} given)`);
          }
        } else {
          const items = (matchArgs as PyTuple).items;
          decref(matchArgs);
          if (nargs > items.length) throw newException(E.TypeError, `${cls.name}() accepts ${items.length} positional sub-pattern${items.length === 1 ? '' : 's'} (${nargs} given)`);
          for (let i = 0; i < nargs && ok; i++) ok = getOne((items[i] as PyStr).value);
        }
      }
      for (const n of names.items) if (ok) ok = getOne((n as PyStr).value);
      if (!ok) {
        for (const a of attrs) decref(a);
        stack[f.sp - 1] = newRef(None);
      } else stack[f.sp - 1] = newTupleSteal(attrs);
      decref(subject);
    } finally {
      decref(names);
      decref(cls);
    }
  }

  private setupAnnotations(f: Frame): void {
    const locals = f.locals;
    if (locals instanceof PyDict) {
      if (locals.getStr('__annotations__') === undefined) {
        const d = newDict();
        locals.setStr('__annotations__', d);
        decref(d);
      }
    }
  }

  importName(name: string, fromlist: PyObject, level: number, globals: PyDict): PyObject {
    if (this.importHook === null) throw newException(E.ImportError, `No module named '${name}'`);
    return this.importHook(this, name, fromlist, level, globals);
  }

  private importFrom(m: PyObject, name: string): PyObject {
    const v = A.getAttrOrNull(m, name);
    if (v !== null) return v;
    const modName = m.dict?.getStr('__name__');
    const mn = modName instanceof PyStr ? modName.value : '<unknown module name>';
    const e = newException(E.ImportError, `cannot import name '${name}' from '${mn}' (unknown location)`);
    e.name = newStr(mn);
    return (() => { throw e; })();
  }

  private importStar(f: Frame, m: PyObject): void {
    const d = m.dict;
    if (d === null || !(f.locals instanceof PyDict)) return;
    const all = d.getStr('__all__');
    if (all !== undefined) {
      A.forEach(all, (n) => {
        const v = A.getAttr(m, A.str(n));
        (f.locals as PyDict).setStr(A.str(n), v);
        decref(v);
      });
      return;
    }
    for (const [k, v] of d.entries()) {
      if (k instanceof PyStr && !k.value.startsWith('_')) (f.locals as PyDict).setStr(k.value, v);
    }
  }
}

// ------------------------------------------------------------------ small pure helpers

function compareInts(a: number | bigint, b: number | bigint, cmp: number): boolean {
  switch (cmp) {
    case 0: return a < b;
    case 1: return a <= b;
    case 2: return a === b;
    case 3: return a !== b;
    case 4: return a > b;
    default: return a >= b;
  }
}

function unaryOp(v: PyObject, opcode: number): PyObject {
  const name = opcode === UNARY_NEGATIVE ? '__neg__' : opcode === UNARY_POSITIVE ? '__pos__' : '__invert__';
  const m = v.ob_type.lookup(name);
  if (m === null) {
    const sym = opcode === UNARY_NEGATIVE ? '-' : opcode === UNARY_POSITIVE ? '+' : '~';
    throw newException(E.TypeError, `bad operand type for unary ${sym}: '${A.typeName(v)}'`);
  }
  return A.callBound(m, v, []);
}

function storeSubscr(container: PyObject, key: PyObject, value: PyObject): void {
  if (container.ob_type === listType && key.ob_type === intType) {
    const items = (container as PyList).items;
    let i = (key as PyInt).value as number;
    if (i < 0) i += items.length;
    if (i >= 0 && i < items.length) {
      const old = items[i];
      value.ob_refcnt++;
      items[i] = value;
      decref(old);
      return;
    }
  }
  A.setItem(container, key, value);
}

function exceptionMatches(exc: PyObject, cls: PyObject): boolean {
  if (cls instanceof PyTuple) {
    for (const c of cls.items) {
      if (!(c instanceof PyType && c.isExceptionType)) {
        throw newException(E.TypeError, 'catching classes that do not inherit from BaseException is not allowed');
      }
    }
    for (const c of cls.items) if (exc.ob_type.isSubtypeOf(c as PyType)) return true;
    return false;
  }
  if (!(cls instanceof PyType && cls.isExceptionType)) {
    throw newException(E.TypeError, 'catching classes that do not inherit from BaseException is not allowed');
  }
  return exc.ob_type.isSubtypeOf(cls);
}

function matchKind(subject: PyObject, mapping: boolean): boolean {
  const t = subject.ob_type;
  if (mapping) return subject instanceof PyDict || t.lookup('keys') !== null && t.lookup('__getitem__') !== null && t.name !== 'str';
  if (subject instanceof PyStr || t.name === 'bytes' || t.name === 'bytearray' || subject instanceof PyDict) return false;
  return subject instanceof PyList || subject instanceof PyTuple || t.name === 'range' || (t.lookup('__getitem__') !== null && t.lookup('__len__') !== null && t.isHeapType && t.lookup('keys') === null);
}

function funcDescription(func: PyObject): string {
  if (func instanceof PyFunction) return `${func.qualname}()`;
  if (func instanceof PyBuiltinFunction) return `${func.name}()`;
  if (func instanceof PyType) return `${func.name}()`;
  return `${A.typeName(func)} object`;
}

void incref; void strType; void NotImplemented;
