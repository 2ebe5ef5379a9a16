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
// Layout: this file holds the Interpreter state, the activations (execute/resume/resumeGenerator)
// and the dispatch loop; the loop's longer logic lives in free functions taking the interpreter:
// calls.ts (frames, calls, returns, yields, generator entry), unwind.ts (raising, exception-table
// unwinding, tracebacks), names.ts (names, attributes, imports), structures.ts (build, unpack,
// with, pattern matching).
//
// Speed: the loop is a switch over the code units with short cases; long logic lives in named
// helpers. Observation (tracing, breakpoints, pausing, thread switching) costs one field check per
// instruction (`this.observed`) and a counter at eval-breaker points (backward jumps, RESUME).

import { Op, OPNAME } from '../compiler/opcodes';
import type { PyObject } from '../objects/pyobject';
import { decref, newRef, xdecref, incref, deallocate } from '../memory/heap';
import { PyInt, intType, newInt, newIntValue, addValues, subValues } from '../objects/int';
import { True, False, newBool } from '../objects/bool';
import { None, NotImplemented } from '../objects/none';
import { PyStr, newStr, strType } from '../objects/str';
import { PyTuple, newTupleSteal } from '../objects/tuple';
import { PyList, newListSteal, listType, listGrew } from '../objects/list';
import { PyDict, newDict } from '../objects/dict';
import { PyFunction } from '../objects/function';
import { PyCode } from '../objects/code';
import { PyCell, newCell } from '../objects/cell';
import { PyGenerator, GenState, generatorType } from '../objects/generator';
import { PyIterator } from '../objects/iterator';
import { newSliceSteal } from '../objects/slice';
import { newSet, PySet } from '../objects/set';
import { setUpdateFrom } from '../objects/setMethods';
import { newFrameObject, PyFrameObject } from '../objects/traceback';
import * as E from '../objects/exceptions';
import { PyBaseException, newException } from '../objects/exceptions';
import * as A from '../objects/abstract';
import { Frame, ReturnMode, ExcState } from './frame';
import type { Host } from './host';
import { formatValue } from './formatting';
import { PyRangeIterator } from '../objects/range';
import { intBinary } from '../objects/intMethods';
import { floatBinary } from '../objects/floatMethods';
import { PyFloat, floatType } from '../objects/float';
import { frameForCall, pushFrame, makeGenerator, call, callFunctionEx, returnFromFrame, yieldFromFrame, enterGenerator, send, makeFunction } from './calls';
import { unboundLocal, unboundDeref, loadName, storeName, deleteName, loadClassDeref, loadMethod, importFrom, importStar, setupAnnotations } from './names';
import { listExtend, dictUpdate, unpackSequence, unpackEx, beforeWith, matchKeys, matchClass, matchKind } from './structures';
import { toPyException, unwind, raise, exceptionMatches } from './unwind';
import { LimitExceeded } from './limits';
import { Scheduler, ThreadBlocked, type SchedulerOptions } from '../threads/scheduler';
import { getAwaitable, beforeAsyncWith, getAiter, getAnext, endAsyncFor, asyncGenWrap } from './coroutines';
import { checkEgMatch, prepReraise } from './exceptStar';

export { LimitExceeded };

// Case labels are `Op.X` (a const enum the bundler inlines): literal labels let V8 compile the
// dispatch switch to a jump table.

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
  nesting = 0;
  /** Set when anything observes execution; the loop then calls `observe` before each instruction. */
  observed = false;
  /** Eval-breaker ticks left before the scheduler looks again (threads/scheduler.ts arms it). */
  budget = 1;
  /** Called before each instruction while `observed` is set; return true to pause (ignored when `nested`). */
  observer: ((frame: Frame, nested: boolean) => boolean) | null = null;
  builtins!: PyDict;
  sys: PyObject | null = null;
  modules!: PyDict;
  importHook: ((interp: Interpreter, name: string, fromlist: PyObject, level: number, globals: PyDict) => PyObject) | null = null;

  // State shared with the loop's helper modules (calls.ts, unwind.ts, names.ts, structures.ts).
  /** Set by bare `raise`/RERAISE: the exception is re-raised, so __context__ is not chained again. */
  reraising = false;
  /** Set by RERAISE: the frame's traceback entry is already on the exception. */
  skipTraceback = false;
  /** Set when the entry frame that just left the loop was a generator returning (not yielding). */
  genReturned = false;
  /** object.__getattribute__ and object.__new__, looked up once (LOAD_METHOD and CALL fast paths). */
  objectGetattribute: PyObject | null = null;
  objectNew: PyObject | null = null;
  /** A private object for MATCH_KEYS' `get(key, sentinel)` on non-dict mappings. */
  sentinel: PyObject | null = null;

  /** Threads, the GIL and the virtual clock (replaced by prepareProgram with the run's options). */
  threads: Scheduler;

  constructor(readonly host: Host) {
    this.threads = new Scheduler(this);
    this.threads.setPausedValue(PAUSED);
  }

  /** A scheduler with the run's options (seed, switch interval, real time, GIL log). */
  configureThreads(options: SchedulerOptions): void {
    this.threads = new Scheduler(this, options);
    this.threads.setPausedValue(PAUSED);
    this.threads.arm();
  }

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
    fo.live = f;
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

  /** Call a Python function from native code: a nested run of the loop. */
  callFunction(func: PyFunction, args: PyObject[], kwnames: string[] | null): PyObject {
    const f = frameForCall(this, func, args, kwnames);
    if (func.code.isGenerator || func.code.isCoroutine) return makeGenerator(this, f);
    return this.execute(f);
  }

  /** Run a code object with explicit globals/locals (module bodies, class bodies, exec). */
  runCode(code: PyCode, globals: PyDict, locals: PyObject | null, func: PyFunction | null = null, builtins: PyDict = this.builtins): PyObject {
    const f = new Frame(code, func, globals, builtins, locals);
    if (func !== null) func.ob_refcnt++;
    return this.execute(f);
  }

  // ------------------------------------------------------------------ running

  /** Run `entry` to completion and return its result (new reference). Throws its exception. */
  execute(entry: Frame): PyObject {
    entry.entry = true;
    pushFrame(this, entry);
    this.nesting++;
    try {
      for (;;) {
        try {
          return this.loop();
        } catch (e) {
          if (e instanceof LimitExceeded) throw e;
          if (e instanceof ThreadBlocked) {
            // A blocking native in this outermost activation: the CALL runs again when woken.
            this.frame!.ip = this.frame!.lasti;
            throw e;
          }
          const exc = toPyException(this, e);
          const escaping = unwind(this, exc);
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
          if (e instanceof ThreadBlocked) {
            // A blocking native in this outermost activation: the CALL runs again when woken.
            this.frame!.ip = this.frame!.lasti;
            throw e;
          }
          const exc = toPyException(this, e);
          const escaping = unwind(this, exc);
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

  // ------------------------------------------------------------------ exceptions

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
    pushFrame(this, f);
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
          const exc = toPyException(this, e);
          const escaping = unwind(this, exc);
          if (escaping !== null) throw escaping;
        }
      }
    } finally {
      this.nesting--;
    }
  }


  // ------------------------------------------------------------------ the loop

  // decref is written out (`if (--o.ob_refcnt === 0) deallocate(o)`) in this function: V8 does not
  // inline calls into a function this large, and a called decref sees every object shape (a
  // megamorphic load), while each inlined site here sees only the few types its opcode handles.
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
      while (opcode === Op.EXTENDED_ARG) {
        word = code[++ip];
        opcode = word & 255;
        oparg = (oparg << 8) | (word >> 8);
      }
      f.lasti = ip;
      f.ip = ip + 1;
      switch (opcode) {
        case Op.NOP:
          break;
        case Op.RESUME:
          if (--this.budget <= 0 && this.breaker()) return PAUSED;
          break;
        case Op.LOAD_FAST: {
          const v = fast[oparg];
          if (v === null) throw unboundLocal(this, f, oparg);
          v.ob_refcnt++;
          stack[f.sp++] = v;
          break;
        }
        case Op.LOAD_CONST: {
          const v = consts[oparg];
          v.ob_refcnt++;
          stack[f.sp++] = v;
          break;
        }
        case Op.STORE_FAST: {
          const old = fast[oparg];
          fast[oparg] = stack[--f.sp];
          stack[f.sp] = null;
          if (old !== null) if (--old.ob_refcnt === 0) deallocate(old);
          break;
        }
        case Op.DELETE_FAST: {
          const old = fast[oparg];
          if (old === null) throw unboundLocal(this, f, oparg);
          fast[oparg] = null;
          if (--old.ob_refcnt === 0) deallocate(old);
          break;
        }
        case Op.POP_TOP: {
          const v = stack[--f.sp];
          stack[f.sp] = null;
          if (v !== null && --v.ob_refcnt === 0) deallocate(v);
          break;
        }
        case Op.PUSH_NULL:
          stack[f.sp++] = null;
          break;
        case Op.COPY: {
          const v = stack[f.sp - oparg]!;
          v.ob_refcnt++;
          stack[f.sp++] = v;
          break;
        }
        case Op.SWAP: {
          const i = f.sp - 1, j = f.sp - oparg;
          const t = stack[i];
          stack[i] = stack[j];
          stack[j] = t;
          break;
        }
        case Op.UNARY_POSITIVE:
        case Op.UNARY_NEGATIVE:
        case Op.UNARY_INVERT: {
          const v = stack[f.sp - 1]!;
          const r = unaryOp(v, opcode);
          stack[f.sp - 1] = r;
          if (--v.ob_refcnt === 0) deallocate(v);
          break;
        }
        case Op.UNARY_NOT: {
          const v = stack[f.sp - 1]!;
          const r = A.isTrue(v) ? False : True;
          r.ob_refcnt++;
          stack[f.sp - 1] = r;
          if (--v.ob_refcnt === 0) deallocate(v);
          break;
        }
        case Op.BINARY_OP: {
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
            if (--r.ob_refcnt === 0) deallocate(r);
            r = A.binaryOp(a, b, oparg);
          }
          f.sp -= 2;
          stack[f.sp + 1] = null;
          if (--a.ob_refcnt === 0) deallocate(a);
          if (--b.ob_refcnt === 0) deallocate(b);
          stack[f.sp++] = r;
          f.ip += 1;
          break;
        }
        case Op.COMPARE_OP: {
          const b = stack[f.sp - 1]!, a = stack[f.sp - 2]!;
          let r: PyObject;
          if (a.ob_type === intType && b.ob_type === intType) {
            r = compareInts((a as PyInt).value, (b as PyInt).value, oparg) ? True : False;
            r.ob_refcnt++;
          } else r = A.richCompare(a, b, oparg);
          f.sp -= 2;
          stack[f.sp + 1] = null;
          if (--a.ob_refcnt === 0) deallocate(a);
          if (--b.ob_refcnt === 0) deallocate(b);
          stack[f.sp++] = r;
          f.ip += 2;
          break;
        }
        case Op.IS_OP: {
          const b = stack[--f.sp]!, a = stack[f.sp - 1]!;
          stack[f.sp] = null;
          const r = (a === b) !== (oparg === 1) ? True : False;
          r.ob_refcnt++;
          stack[f.sp - 1] = r;
          if (--a.ob_refcnt === 0) deallocate(a);
          if (--b.ob_refcnt === 0) deallocate(b);
          break;
        }
        case Op.CONTAINS_OP: {
          const container = stack[f.sp - 1]!, item = stack[f.sp - 2]!;
          const found = A.contains(container, item);
          f.sp -= 2;
          stack[f.sp + 1] = null;
          if (--container.ob_refcnt === 0) deallocate(container);
          if (--item.ob_refcnt === 0) deallocate(item);
          stack[f.sp++] = newBool(found !== (oparg === 1));
          break;
        }
        case Op.BINARY_SUBSCR: {
          const key = stack[f.sp - 1]!, container = stack[f.sp - 2]!;
          const r = A.getItem(container, key);
          f.sp -= 2;
          stack[f.sp + 1] = null;
          if (--container.ob_refcnt === 0) deallocate(container);
          if (--key.ob_refcnt === 0) deallocate(key);
          stack[f.sp++] = r;
          f.ip += 4;
          break;
        }
        case Op.STORE_SUBSCR: {
          const key = stack[f.sp - 1]!, container = stack[f.sp - 2]!, value = stack[f.sp - 3]!;
          storeSubscr(container, key, value);
          f.sp -= 3;
          stack[f.sp] = stack[f.sp + 1] = stack[f.sp + 2] = null;
          if (--key.ob_refcnt === 0) deallocate(key);
          if (--container.ob_refcnt === 0) deallocate(container);
          if (--value.ob_refcnt === 0) deallocate(value);
          f.ip += 1;
          break;
        }
        case Op.DELETE_SUBSCR: {
          const key = stack[f.sp - 1]!, container = stack[f.sp - 2]!;
          A.setItem(container, key, null);
          f.sp -= 2;
          stack[f.sp] = stack[f.sp + 1] = null;
          if (--key.ob_refcnt === 0) deallocate(key);
          if (--container.ob_refcnt === 0) deallocate(container);
          break;
        }
        case Op.GET_ITER: {
          const v = stack[f.sp - 1]!;
          stack[f.sp - 1] = A.getIter(v);
          if (--v.ob_refcnt === 0) deallocate(v);
          break;
        }
        case Op.GET_YIELD_FROM_ITER: {
          const v = stack[f.sp - 1]!;
          if (!(v instanceof PyGenerator)) {
            stack[f.sp - 1] = A.getIter(v);
            if (--v.ob_refcnt === 0) deallocate(v);
          }
          break;
        }
        case Op.FOR_ITER: {
          const it = stack[f.sp - 1]!;
          if (it instanceof PyRangeIterator) {
            if (it.remaining > 0) {
              const v = it.next;
              it.next += it.step;
              it.remaining--;
              stack[f.sp++] = newInt(v);
            } else {
              stack[--f.sp] = null;
              if (--it.ob_refcnt === 0) deallocate(it);
              f.ip += oparg;
            }
            break;
          }
          if (it instanceof PyIterator) {
            const v = it.nextItem();
            if (v !== null) stack[f.sp++] = v;
            else {
              stack[--f.sp] = null;
              if (--it.ob_refcnt === 0) deallocate(it);
              f.ip += oparg;
            }
            break;
          }
          if (it instanceof PyGenerator && it.ob_type === generatorType && it.state !== GenState.Running) {
            if (it.state === GenState.Closed) {
              stack[--f.sp] = null;
              if (--it.ob_refcnt === 0) deallocate(it);
              f.ip += oparg;
              break;
            }
            const gf = enterGenerator(this, it, ReturnMode.ForIter, f.ip + oparg, None);
            f = gf;
            code = f.co_code; stack = f.stack; fast = f.fast; consts = f.code.consts; names = f.code.nameStrings;
            break;
          }
          const v = A.iterNext(it);
          if (v !== null) stack[f.sp++] = v;
          else {
            stack[--f.sp] = null;
            if (--it.ob_refcnt === 0) deallocate(it);
            f.ip += oparg;
          }
          break;
        }
        case Op.JUMP_FORWARD:
          f.ip += oparg;
          break;
        case Op.JUMP_BACKWARD:
          f.ip -= oparg;
          if (--this.budget <= 0 && this.breaker()) return PAUSED;
          break;
        case Op.JUMP_BACKWARD_NO_INTERRUPT:
          f.ip -= oparg;
          break;
        case Op.POP_JUMP_FORWARD_IF_FALSE:
        case Op.POP_JUMP_BACKWARD_IF_FALSE: {
          const v = stack[--f.sp]!;
          stack[f.sp] = null;
          const t = v === True ? true : v === False ? false : A.isTrue(v);
          if (--v.ob_refcnt === 0) deallocate(v);
          if (!t) f.ip += opcode === Op.POP_JUMP_FORWARD_IF_FALSE ? oparg : -oparg;
          break;
        }
        case Op.POP_JUMP_FORWARD_IF_TRUE:
        case Op.POP_JUMP_BACKWARD_IF_TRUE: {
          const v = stack[--f.sp]!;
          stack[f.sp] = null;
          const t = v === True ? true : v === False ? false : A.isTrue(v);
          if (--v.ob_refcnt === 0) deallocate(v);
          if (t) f.ip += opcode === Op.POP_JUMP_FORWARD_IF_TRUE ? oparg : -oparg;
          break;
        }
        case Op.POP_JUMP_FORWARD_IF_NONE:
        case Op.POP_JUMP_BACKWARD_IF_NONE: {
          const v = stack[--f.sp]!;
          stack[f.sp] = null;
          if (--v.ob_refcnt === 0) deallocate(v);
          if (v === None) f.ip += opcode === Op.POP_JUMP_FORWARD_IF_NONE ? oparg : -oparg;
          break;
        }
        case Op.POP_JUMP_FORWARD_IF_NOT_NONE:
        case Op.POP_JUMP_BACKWARD_IF_NOT_NONE: {
          const v = stack[--f.sp]!;
          stack[f.sp] = null;
          if (--v.ob_refcnt === 0) deallocate(v);
          if (v !== None) f.ip += opcode === Op.POP_JUMP_FORWARD_IF_NOT_NONE ? oparg : -oparg;
          break;
        }
        case Op.JUMP_IF_FALSE_OR_POP:
        case Op.JUMP_IF_TRUE_OR_POP: {
          const v = stack[f.sp - 1]!;
          const t = A.isTrue(v);
          if (t === (opcode === Op.JUMP_IF_TRUE_OR_POP)) f.ip += oparg;
          else {
            stack[--f.sp] = null;
            if (--v.ob_refcnt === 0) deallocate(v);
          }
          break;
        }
        case Op.LOAD_GLOBAL: {
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
        case Op.STORE_GLOBAL: {
          const v = stack[--f.sp]!;
          stack[f.sp] = null;
          f.globals.setStr(names[oparg], v);
          if (--v.ob_refcnt === 0) deallocate(v);
          break;
        }
        case Op.DELETE_GLOBAL: {
          const key = newStr(names[oparg]);
          const found = f.globals.delete(key);
          if (--key.ob_refcnt === 0) deallocate(key);
          if (!found) throw this.nameError(names[oparg]);
          break;
        }
        case Op.LOAD_NAME: {
          stack[f.sp++] = loadName(this, f, names[oparg]);
          break;
        }
        case Op.STORE_NAME: {
          const v = stack[--f.sp]!;
          stack[f.sp] = null;
          storeName(this, f, names[oparg], v);
          if (--v.ob_refcnt === 0) deallocate(v);
          break;
        }
        case Op.DELETE_NAME:
          deleteName(this, f, names[oparg]);
          break;
        case Op.LOAD_ATTR: {
          const owner = stack[f.sp - 1]!;
          const r = A.getAttr(owner, names[oparg]);
          stack[f.sp - 1] = r;
          if (--owner.ob_refcnt === 0) deallocate(owner);
          f.ip += 4;
          break;
        }
        case Op.LOAD_METHOD: {
          loadMethod(this, f, names[oparg]);
          f.ip += 10;
          break;
        }
        case Op.STORE_ATTR: {
          const owner = stack[f.sp - 1]!, value = stack[f.sp - 2]!;
          A.setAttr(owner, names[oparg], value);
          f.sp -= 2;
          stack[f.sp] = stack[f.sp + 1] = null;
          if (--owner.ob_refcnt === 0) deallocate(owner);
          if (--value.ob_refcnt === 0) deallocate(value);
          f.ip += 4;
          break;
        }
        case Op.DELETE_ATTR: {
          const owner = stack[f.sp - 1]!;
          A.setAttr(owner, names[oparg], null);
          stack[--f.sp] = null;
          if (--owner.ob_refcnt === 0) deallocate(owner);
          break;
        }
        case Op.KW_NAMES:
          f.kwnames = f.code.kwnames(oparg);
          break;
        case Op.PRECALL:
          f.ip += 1;
          break;
        case Op.CALL: {
          f.ip += 4;
          const next = call(this, f, oparg);
          if (next !== null) {
            f = next;
            code = f.co_code; stack = f.stack; fast = f.fast; consts = f.code.consts; names = f.code.nameStrings;
            if (--this.budget <= 0 && this.breaker()) return PAUSED;
          }
          break;
        }
        case Op.CALL_FUNCTION_EX: {
          const next = callFunctionEx(this, f, oparg);
          if (next !== null) {
            f = next;
            code = f.co_code; stack = f.stack; fast = f.fast; consts = f.code.consts; names = f.code.nameStrings;
          }
          break;
        }
        case Op.RETURN_VALUE: {
          const v = stack[--f.sp]!;
          stack[f.sp] = null;
          const caller = returnFromFrame(this, f, v);
          if (caller === null) return v;
          f = caller;
          code = f.co_code; stack = f.stack; fast = f.fast; consts = f.code.consts; names = f.code.nameStrings;
          break;
        }
        case Op.YIELD_VALUE: {
          const v = stack[--f.sp]!;
          stack[f.sp] = null;
          const caller = yieldFromFrame(this, f, v);
          if (caller === null) return v;
          f = caller;
          code = f.co_code; stack = f.stack; fast = f.fast; consts = f.code.consts; names = f.code.nameStrings;
          break;
        }
        case Op.SEND: {
          const next = send(this, f, oparg);
          if (next !== null) {
            f = next;
            code = f.co_code; stack = f.stack; fast = f.fast; consts = f.code.consts; names = f.code.nameStrings;
          }
          break;
        }
        case Op.RETURN_GENERATOR:
          // Generator frames are created suspended past this instruction (makeGenerator).
          throw newException(E.SystemError, 'RETURN_GENERATOR executed');
        case Op.MAKE_FUNCTION:
          makeFunction(this, f, oparg);
          break;
        case Op.MAKE_CELL: {
          fast[oparg] = newCell(fast[oparg]);
          break;
        }
        case Op.COPY_FREE_VARS: {
          const closure = f.func!.closure!.items;
          const base = f.code.nlocalsplus - oparg;
          for (let i = 0; i < oparg; i++) {
            closure[i].ob_refcnt++;
            fast[base + i] = closure[i];
          }
          break;
        }
        case Op.LOAD_CLOSURE: {
          const c = fast[oparg]!;
          c.ob_refcnt++;
          stack[f.sp++] = c;
          break;
        }
        case Op.LOAD_DEREF: {
          const v = (fast[oparg] as PyCell).contents;
          if (v === null) throw unboundDeref(this, f, oparg);
          v.ob_refcnt++;
          stack[f.sp++] = v;
          break;
        }
        case Op.LOAD_CLASSDEREF: {
          stack[f.sp++] = loadClassDeref(this, f, oparg);
          break;
        }
        case Op.STORE_DEREF: {
          const cell = fast[oparg] as PyCell;
          const old = cell.contents;
          cell.contents = stack[--f.sp];
          stack[f.sp] = null;
          if (old !== null && --old.ob_refcnt === 0) deallocate(old);
          break;
        }
        case Op.DELETE_DEREF: {
          const cell = fast[oparg] as PyCell;
          const old = cell.contents;
          if (old === null) throw unboundDeref(this, f, oparg);
          cell.contents = null;
          if (--old.ob_refcnt === 0) deallocate(old);
          break;
        }
        case Op.BUILD_TUPLE: {
          const items = stack.slice(f.sp - oparg, f.sp) as PyObject[];
          for (let i = f.sp - oparg; i < f.sp; i++) stack[i] = null;
          f.sp -= oparg;
          stack[f.sp++] = newTupleSteal(items);
          break;
        }
        case Op.BUILD_LIST: {
          const items = stack.slice(f.sp - oparg, f.sp) as PyObject[];
          for (let i = f.sp - oparg; i < f.sp; i++) stack[i] = null;
          f.sp -= oparg;
          stack[f.sp++] = newListSteal(items);
          break;
        }
        case Op.LIST_TO_TUPLE: {
          const l = stack[f.sp - 1] as PyList;
          stack[f.sp - 1] = newTupleSteal(l.items.splice(0));
          if (--l.ob_refcnt === 0) deallocate(l);
          break;
        }
        case Op.LIST_APPEND: {
          const v = stack[--f.sp]!;
          stack[f.sp] = null;
          const l = stack[f.sp - oparg] as PyList;
          l.items.push(v);
          if (l.items.length > l.allocated) listGrew(l);
          break;
        }
        case Op.LIST_EXTEND: {
          const iterable = stack[--f.sp]!;
          stack[f.sp] = null;
          listExtend(this, stack[f.sp - oparg] as PyList, iterable);
          if (--iterable.ob_refcnt === 0) deallocate(iterable);
          break;
        }
        case Op.BUILD_SET: {
          const s = newSet();
          const items = stack.slice(f.sp - oparg, f.sp) as PyObject[];
          for (let i = f.sp - oparg; i < f.sp; i++) stack[i] = null;
          f.sp -= oparg;
          stack[f.sp++] = s;
          for (const v of items) {
            s.table.set(v, None);
            if (--v.ob_refcnt === 0) deallocate(v);
          }
          break;
        }
        case Op.SET_ADD: {
          const v = stack[--f.sp]!;
          stack[f.sp] = null;
          (stack[f.sp - oparg] as PySet).table.set(v, None);
          if (--v.ob_refcnt === 0) deallocate(v);
          break;
        }
        case Op.SET_UPDATE: {
          const iterable = stack[--f.sp]!;
          stack[f.sp] = null;
          setUpdateFrom(stack[f.sp - oparg] as PySet, iterable); // _PySet_Update: set_merge presizes
          if (--iterable.ob_refcnt === 0) deallocate(iterable);
          break;
        }
        case Op.BUILD_MAP: {
          const d = newDict();
          const base = f.sp - 2 * oparg;
          try {
            for (let i = 0; i < oparg; i++) d.set(stack[base + 2 * i]!, stack[base + 2 * i + 1]!);
          } catch (e) {
            if (--d.ob_refcnt === 0) deallocate(d);
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
        case Op.BUILD_CONST_KEY_MAP: {
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
        case Op.MAP_ADD: {
          const value = stack[--f.sp]!, key = stack[--f.sp]!;
          stack[f.sp] = stack[f.sp + 1] = null;
          (stack[f.sp - oparg] as PyDict).set(key, value);
          if (--key.ob_refcnt === 0) deallocate(key);
          if (--value.ob_refcnt === 0) deallocate(value);
          break;
        }
        case Op.DICT_UPDATE:
        case Op.DICT_MERGE: {
          const other = stack[--f.sp]!;
          stack[f.sp] = null;
          try {
            dictUpdate(this, stack[f.sp - oparg] as PyDict, other, opcode === Op.DICT_MERGE, f);
          } finally {
            if (--other.ob_refcnt === 0) deallocate(other);
          }
          break;
        }
        case Op.BUILD_STRING: {
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
        case Op.FORMAT_VALUE: {
          let spec: PyObject | null = null;
          if (oparg & 4) {
            spec = stack[--f.sp]!;
            stack[f.sp] = null;
          }
          const v = stack[f.sp - 1]!;
          const r = formatValue(v, oparg & 3, spec);
          stack[f.sp - 1] = r;
          if (--v.ob_refcnt === 0) deallocate(v);
          if (spec !== null && --spec.ob_refcnt === 0) deallocate(spec);
          break;
        }
        case Op.BUILD_SLICE: {
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
        case Op.UNPACK_SEQUENCE: {
          const seq = stack[--f.sp]!;
          stack[f.sp] = null;
          unpackSequence(this, f, seq, oparg);
          f.ip += 1;
          break;
        }
        case Op.UNPACK_EX: {
          const seq = stack[--f.sp]!;
          stack[f.sp] = null;
          unpackEx(this, f, seq, oparg & 255, oparg >> 8);
          break;
        }
        case Op.RAISE_VARARGS:
          throw raise(this, f, oparg);
        case Op.RERAISE: {
          const exc = stack[--f.sp] as PyBaseException;
          stack[f.sp] = null;
          if (oparg) f.lasti = (stack[f.sp - oparg] as PyInt).value as number;
          this.reraising = true;
          this.skipTraceback = true;
          throw exc;
        }
        case Op.PUSH_EXC_INFO: {
          const v = stack[f.sp - 1]!;
          const prev = this.excState.value;
          stack[f.sp - 1] = prev === null ? newRef(None) : prev;
          v.ob_refcnt++;
          this.excState.value = v;
          stack[f.sp++] = v;
          break;
        }
        case Op.POP_EXCEPT: {
          const v = stack[--f.sp]!;
          stack[f.sp] = null;
          const old = this.excState.value;
          this.excState.value = v === None ? null : v;
          if (v === None) if (--v.ob_refcnt === 0) deallocate(v);
          if (old !== null && --old.ob_refcnt === 0) deallocate(old);
          break;
        }
        case Op.CHECK_EXC_MATCH: {
          const right = stack[--f.sp]!;
          stack[f.sp] = null;
          const left = stack[f.sp - 1]!;
          const r = exceptionMatches(left, right);
          if (--right.ob_refcnt === 0) deallocate(right);
          stack[f.sp++] = newBool(r);
          break;
        }
        case Op.LOAD_ASSERTION_ERROR:
          stack[f.sp++] = newRef(E.AssertionError);
          break;
        case Op.LOAD_BUILD_CLASS: {
          const b = f.builtins.getStr('__build_class__');
          if (b === undefined) throw newException(E.NameError, '__build_class__ not found');
          stack[f.sp++] = newRef(b);
          break;
        }
        case Op.BEFORE_WITH: {
          const next = beforeWith(this, f);
          if (next !== null) {
            f = next;
            code = f.co_code; stack = f.stack; fast = f.fast; consts = f.code.consts; names = f.code.nameStrings;
          }
          break;
        }
        // The coroutine instructions (vm/coroutines.ts).
        case Op.GET_AWAITABLE:
          getAwaitable(this, f, oparg);
          break;
        case Op.BEFORE_ASYNC_WITH:
          beforeAsyncWith(this, f);
          break;
        case Op.GET_AITER:
          getAiter(this, f);
          break;
        case Op.GET_ANEXT:
          getAnext(this, f);
          break;
        case Op.END_ASYNC_FOR:
          endAsyncFor(this, f);
          break;
        case Op.ASYNC_GEN_WRAP:
          asyncGenWrap(this, f);
          break;
        // except* (vm/exceptStar.ts).
        case Op.CHECK_EG_MATCH:
          checkEgMatch(this, f);
          break;
        case Op.PREP_RERAISE_STAR:
          prepReraise(this, f);
          break;
        case Op.WITH_EXCEPT_START: {
          const val = stack[f.sp - 1] as PyBaseException;
          const exit = stack[f.sp - 4]!;
          const tb = val.traceback ?? None;
          const r = A.call(exit, [val.ob_type, val, tb]);
          stack[f.sp++] = r;
          break;
        }
        case Op.GET_LEN: {
          const n = A.length(stack[f.sp - 1]!);
          stack[f.sp++] = newInt(n);
          break;
        }
        case Op.MATCH_MAPPING:
        case Op.MATCH_SEQUENCE: {
          const subject = stack[f.sp - 1]!;
          stack[f.sp++] = newBool(matchKind(subject, opcode === Op.MATCH_MAPPING));
          break;
        }
        case Op.MATCH_KEYS:
          matchKeys(this, f);
          break;
        case Op.MATCH_CLASS:
          matchClass(this, f, oparg);
          break;
        case Op.SETUP_ANNOTATIONS:
          setupAnnotations(this, f);
          break;
        case Op.IMPORT_NAME: {
          const fromlist = stack[--f.sp]!;
          stack[f.sp] = null;
          const level = stack[f.sp - 1]!;
          const m = this.importName(names[oparg], fromlist, (level as PyInt).value as number, f.globals);
          if (--fromlist.ob_refcnt === 0) deallocate(fromlist);
          if (--level.ob_refcnt === 0) deallocate(level);
          stack[f.sp - 1] = m;
          break;
        }
        case Op.IMPORT_FROM: {
          const m = stack[f.sp - 1]!;
          stack[f.sp++] = importFrom(this, m, names[oparg]);
          break;
        }
        case Op.IMPORT_STAR: {
          const m = stack[--f.sp]!;
          stack[f.sp] = null;
          importStar(this, f, m);
          if (--m.ob_refcnt === 0) deallocate(m);
          break;
        }
        case Op.PRINT_EXPR: {
          const v = stack[--f.sp]!;
          stack[f.sp] = null;
          // compile(..., 'single'): the value goes to sys.displayhook (prints repr, sets builtins._).
          const hook = this.sysAttr('displayhook');
          try {
            if (hook === null) throw newException(E.RuntimeError, 'lost sys.displayhook');
            decref(A.call(hook, [v]));
          } finally {
            if (--v.ob_refcnt === 0) deallocate(v);
          }
          break;
        }
        case Op.CACHE:
          throw newException(E.SystemError, `executed a CACHE entry at ${ip * 2}`);
        default:
          throw newException(E.SystemError, `unknown opcode ${OPNAME[opcode] ?? opcode}`);
      }
    }
  }

  // ------------------------------------------------------------------ observation

  /** Eval-breaker: the budget ran out. Pause only in the outermost activation. */
  private breaker(): boolean {
    // The scheduler accounts the ticks on the virtual clock, checks the tick limit, and says
    // whether this thread drops the GIL now (only possible in the outermost activation).
    return this.threads.breaker(this.nesting === 1);
  }

  /** A hard bound on eval-breaker ticks (backward jumps + calls) for runaway programs. */
  tickLimit = Infinity;
  setTickLimit(limit: number): void {
    this.tickLimit = limit;
    this.threads.arm();
  }

  /**
   * The debugger's hook. In a nested activation (native code calling back into Python: class
   * bodies, __repr__ from print, sort keys) the loop cannot pause — its JS caller expects a
   * result — so the observer is told it is nested and its answer is ignored; it may stop there
   * synchronously instead (inspect/debugProgram.ts).
   */
  private observe(f: Frame): boolean {
    const observer = this.observer;
    if (observer === null) return false;
    if (this.nesting === 1) return observer(f, false);
    observer(f, true);
    return false;
  }

  // ------------------------------------------------------------------ helpers (long logic)

  nameError(name: string): PyBaseException {
    const e = newException(E.NameError, `name '${name}' is not defined`);
    e.name = newStr(name);
    return e;
  }

  importName(name: string, fromlist: PyObject, level: number, globals: PyDict): PyObject {
    if (this.importHook === null) throw newException(E.ImportError, `No module named '${name}'`);
    return this.importHook(this, name, fromlist, level, globals);
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
  const name = opcode === Op.UNARY_NEGATIVE ? '__neg__' : opcode === Op.UNARY_POSITIVE ? '__pos__' : '__invert__';
  const m = v.ob_type.lookup(name);
  if (m === null) {
    const sym = opcode === Op.UNARY_NEGATIVE ? '-' : opcode === Op.UNARY_POSITIVE ? '+' : '~';
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

void incref; void strType; void NotImplemented;
