// Running a whole program: `runProgram(code, host)` is what `pyxray run FILE` does.
// Sets up builtins, sys and __main__, runs the module code object, and on an uncaught exception
// prints CPython's traceback to stderr (SystemExit gives the exit status instead).
// Also wires the object model's hooks to this interpreter (calls into Python, generator
// resumption, zero-argument super, code constants).

import '../objects/index';
import { installGc, gcShutdownBeforeModules, gcShutdownAfterModules } from '../memory/gc/pyGc';
import type { PyObject } from '../objects/pyobject';
import type { CodeObject, CodeConstant } from '../compiler/codeObject';
import { ConstTuple, ConstFrozenset } from '../compiler/codeObject';
import { BytesValue, ComplexValue, ELLIPSIS } from '../syntax/constants';
import { PyCode, codeFor, codeSupport } from '../objects/code';
import { newBigInt, newInt, PyInt } from '../objects/int';
import { True, False } from '../objects/bool';
import { newFloat } from '../objects/float';
import { newComplex } from '../objects/complex';
import { internStr, newStr, PyStr } from '../objects/str';
import { newTupleSteal, PyTuple } from '../objects/tuple';
import { newSet, frozensetType } from '../objects/set';
import { newBytes } from '../objects/bytes';
import { None, Ellipsis } from '../objects/none';
import { PyDict, newDict } from '../objects/dict';
import { newModule, PyModule } from '../objects/module';
import { PyCell } from '../objects/cell';
import { PyFunction } from '../objects/function';
import { PyGenerator } from '../objects/generator';
import { newFrameObject } from '../objects/traceback';
import * as E from '../objects/exceptions';
import { PyBaseException, newException } from '../objects/exceptions';
import * as A from '../objects/abstract';
import { generatorSupport } from '../objects/functionMethods';
import { superSupport, makeSuper } from '../objects/super';
import { immortalize, decref, newRef, heap, IMMORTAL_REFCNT } from '../memory/heap';
import { Interpreter } from './interpreter';
import { Frame } from './frame';
import type { Host } from './host';
import { formatException } from './traceback';
import { makeBuiltins } from '../modules/builtins';
import { makeSys } from '../modules/sys';
import { importStdlib, stdlibFileText, STDLIB_DIR } from '../modules/stdlib';
import { kwnamesFromTuple } from './callArgs';
import { lineForOffset } from '../objects/lineTable';
import { DeadlockDetected, type SchedulerOptions } from '../threads/scheduler';
import type { Frame as VmFrame } from './frame';
import { installUnawaitedWarning } from './coroutines';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A code object's constant: CPython 3.11 counts two references to it (co_consts and the one the
 * compiler's constant merging leaves), so `sys.getrefcount(1.5)` says 3. Code objects live for
 * the whole run here, so their constants do too.
 */
function constant<T extends PyObject>(o: T): T {
  if (o.ob_refcnt < IMMORTAL_REFCNT / 2) o.ob_refcnt = 2;
  return o;
}

function constToObject(c: CodeConstant): PyObject {
  if (c === null) return None;
  switch (typeof c) {
    case 'boolean': return c ? True : False;
    case 'bigint': return constant(newBigInt(c));
    case 'number': return constant(newFloat(c));
    case 'string': return IDENTIFIER.test(c) || c.length <= 1 ? internStr(c) : constant(newStr(c));
    case 'symbol': return Ellipsis;
  }
  if (c instanceof ConstTuple) return constant(newTupleSteal(c.items.map((x) => newRef(constToObject(x)))));
  if (c instanceof ConstFrozenset) {
    const s = newSet(frozensetType);
    for (const x of c.items) s.table.set(constToObject(x), None);
    return constant(s);
  }
  if (c instanceof BytesValue) return constant(newBytes(c.bytes));
  if (c instanceof ComplexValue) return constant(newComplex(c.real, c.imag));
  return codeFor(c as CodeObject);
}

codeSupport.makeConsts = (code: PyCode) => {
  code.consts = code.co.co_consts.map(constToObject);
  code.names = code.co.co_names.map((n) => internStr(n));
  const first = code.co.co_consts[0];
  code.docstring = (code.co.co_flags & 0x1) !== 0 && typeof first === 'string' ? code.consts[0] : null;
};

let current: Interpreter | null = null;
/** Source lines for the tracebacks of unraisable exceptions (__del__, weakref callbacks). */
let unraisableSource: (filename: string) => string[] | null = () => null;

/**
 * gc.get_count() at the first line of a CPython 3.11 script (`python3 file.py`): gen0 holds the
 * net container allocations since startup's last collection, gen2 the two gen1 collections.
 * Calibrated so that a script starting `import gc; print(gc.get_count())` prints CPython's
 * (250, 0, 2): our `import gc` allocates 20 GC objects (the module, its dict, its functions).
 */
const STARTUP_GC_COUNTS: [number, number, number] = [230, 0, 2];

function installHooks(interp: Interpreter): void {
  current = interp;
  installUnawaitedWarning(interp);
  A.callSupport.callFunction = (f, args, kwnames) => current!.callFunction(f, args, kwnames);
  A.callSupport.enterRecursive = (where) => {
    if (++current!.depth > current!.recursionLimit) {
      current!.depth--;
      throw newException(E.RecursionError, `maximum recursion depth exceeded${where}`);
    }
  };
  A.callSupport.leaveRecursive = () => {
    current!.depth--;
  };
  A.callSupport.currentGlobals = () => current!.frame?.globals ?? null;
  A.callSupport.warn = (category, message, at) => {
    const interp = current!;
    const warnings = importModule(interp, 'warnings', None, 0, interp.frame?.globals ?? newDict());
    const args: PyObject[] = [newStr(message), newRef(category)];
    if (at !== undefined) args.push(newStr(at.filename), newInt(at.lineno));
    try {
      const warn = A.getAttr(warnings, at === undefined ? 'warn' : 'warn_explicit');
      try {
        decref(A.call(warn, args));
      } finally {
        decref(warn);
      }
    } finally {
      for (const a of args) decref(a);
      decref(warnings);
    }
  };
  A.callSupport.unraisable = (e, obj) => {
    if (!(e instanceof PyBaseException)) throw e;
    let where = '<object>';
    try {
      const d = obj.ob_type.lookup('__del__');
      where = d !== null ? A.repr(d) : A.repr(obj);
    } catch {
      // keep the placeholder
    }
    current!.host.writeStderr(`Exception ignored in: ${where}\n` + formatException(e, unraisableSource, () => []));
    decref(e);
  };
  generatorSupport.resume = (gen, value, exc) => current!.resumeGenerator(gen, value, exc);
  generatorSupport.frameObject = (gen) => current!.frameObjectOf(gen.frame as Frame);
  superSupport.zeroArgs = () => current!.zeroArgSuper();
}

export interface RunResult {
  exitCode: number;
}

/** A program set up to run: what runProgram does, in steps the debugger can drive itself. */
export interface PreparedProgram {
  interp: Interpreter;
  mainGlobals: PyDict;
  /** Run the module body (interp.runCode on __main__) and the other threads until it returns or
   * the debugger pauses (the Interpreter's paused value); throws what escapes it. */
  start(): PyObject;
  /** Continue after a pause, through the thread scheduler (not interp.resume: another thread may be due). */
  resume(): PyObject;
  /** An exception escaped: print CPython's traceback (or take SystemExit's status); the exit code. */
  uncaught(e: PyBaseException): number;
  /** Interpreter shutdown: __main__'s namespace dies entry by entry, running __del__ methods. */
  finalize(): void;
}

/** Builtins, sys, __main__ and the import hook for `code`, with this interpreter's hooks installed. */
/** Run options: the tick bound, and the thread scheduler's (threads/scheduler.ts). */
export interface RunOptions extends SchedulerOptions {
  tickLimit?: number;
}

/**
 * The SyntaxWarnings compiling the program raised, as CPython prints them while compiling it
 * (before anything runs; warn_explicit with no registry under the default filters: each shown).
 */
function reportCompileWarnings(code: CodeObject, host: Host): void {
  if (code.compileWarnings === undefined) return;
  const lines = host.readFile(code.co_filename)?.split(/\r?\n/) ?? [];
  for (const w of code.compileWarnings) {
    const line = lines[w.lineno - 1]?.trim() ?? '';
    host.writeStderr(`${code.co_filename}:${w.lineno}: ${w.category}: ${w.message}\n${line ? `  ${line}\n` : ''}`);
  }
}

export function prepareProgram(code: CodeObject, host: Host, options: RunOptions = {}): PreparedProgram {
  reportCompileWarnings(code, host);
  const interp = new Interpreter(host);
  interp.configureThreads(options);
  // _thread's thread_run: an exception leaving a thread's callable is unraisable (SystemExit is silent).
  const threadSource = (filename: string) => {
    const text = filename.startsWith(STDLIB_DIR + '/') ? stdlibFileText(filename) : host.readFile(filename);
    return text === null ? null : text.split(/\r?\n/);
  };
  interp.threads.threadFailed = (t, e) => {
    if (!(e instanceof PyBaseException)) throw e;
    if (e.ob_type.isSubtypeOf(E.SystemExit)) return;
    let where = '<object>';
    try {
      if (t.entryCallable !== null) where = A.repr(t.entryCallable);
    } catch {
      // keep the placeholder
    }
    host.writeStderr(`Exception ignored in thread started by: ${where}\n` + formatException(e, threadSource, () => interp.builtins.keyList().map((k) => (k as PyStr).value)));
    decref(e);
  };
  if (options.tickLimit !== undefined) interp.setTickLimit(options.tickLimit);
  installHooks(interp);
  const gc = installGc({ writeStderr: (text) => host.writeStderr(text) });
  const modules = newDict();
  interp.modules = modules;
  const builtinsModule = makeBuiltins(interp);
  interp.builtins = builtinsModule.dict!;
  modules.setStr('builtins', builtinsModule);
  const sys = makeSys(interp, modules);
  interp.sys = sys;
  modules.setStr('sys', sys);
  const mainGlobals = newDict();
  const main = newModule('__main__', mainGlobals);
  // A script's __main__ has no package and no import spec (CPython's run_file leaves both None).
  mainGlobals.setStr('__package__', None);
  mainGlobals.setStr('__spec__', None);
  mainGlobals.setStr('__builtins__', builtinsModule);
  const file = newStr(host.programPath);
  mainGlobals.setStr('__file__', file);
  decref(file);
  modules.setStr('__main__', main);
  interp.importHook = importModule;
  // What start-up allocated is old now, and the counts are CPython's at a script's first line.
  gc.collector.startProgram(STARTUP_GC_COUNTS);
  const sourceCache = new Map<string, string[] | null>();
  const source = (filename: string) => {
    if (!sourceCache.has(filename)) {
      // Library frames show the runtime's own sources, never whatever the host has at that path.
      const text = filename.startsWith(STDLIB_DIR + '/') ? stdlibFileText(filename) : host.readFile(filename);
      sourceCache.set(filename, text === null ? null : text.split(/\r?\n/));
    }
    return sourceCache.get(filename)!;
  };
  unraisableSource = source;
  return {
    interp,
    mainGlobals,
    start: () => driveThreads(interp, () => interp.runCode(codeFor(code), mainGlobals, mainGlobals), source),
    resume: () => driveThreads(interp, () => interp.resume(), source),
    uncaught: (e) => handleUncaught(interp, e, source),
    finalize: () => {
      // multiprocessing's exit function (atexit in CPython): daemonic child processes are
      // terminated and the others joined, before the remaining threads are.
      runExitFunction(interp, ['multiprocessing.util', 'multiprocessing.process'], '_exit_function', source);
      // threading._register_atexit calls (concurrent.futures wakes and joins its idle workers).
      runExitFunction(interp, ['threading'], '_run_threading_atexits', source);
      // threading._shutdown: the non-daemon threads run to their end; daemon threads are dropped.
      if (!interp.threads.deadlocked) {
        try {
          interp.threads.shutdown();
        } catch (e) {
          if (!(e instanceof DeadlockDetected)) throw e;
          reportDeadlock(interp, source);
        }
      }
      // atexit callbacks (last registered first), once the threads are done.
      runAtexit(interp);
      // atexit (weakref.finalize) and the exit collection while __main__ is still alive.
      gcShutdownBeforeModules(interp.modules);
      // As __main__'s dict is deallocated when sys.modules is torn down: entries in insertion order.
      try {
        mainGlobals.clear();
      } catch (e) {
        if (!(e instanceof PyBaseException)) throw e;
      }
      // finalize_modules: the cycles left (and their __del__) go in one last collection.
      gcShutdownAfterModules();
    },
  };
}

/** The atexit module's callbacks, if a program imported it (runtime/lib/atexit.py). */
function runAtexit(interp: Interpreter): void {
  const atexit = interp.modules.getStr('atexit');
  if (atexit === undefined) return;
  try {
    decref(A.callMethod(atexit, '_run_exitfuncs', []));
  } catch (e) {
    if (!(e instanceof PyBaseException)) throw e;
    A.callSupport.unraisable(e, atexit);
  }
}

/** Call `module.name()` of the first of `modules` the program imported, with the threads running. */
function runExitFunction(interp: Interpreter, modules: string[], name: string, source: (f: string) => string[] | null): void {
  let module: PyObject | undefined;
  for (const candidate of modules) module ??= interp.modules.getStr(candidate);
  if (module === undefined || interp.threads.deadlocked) return;
  try {
    driveThreads(interp, () => {
      const r = A.callMethod(module, name, []);
      decref(r);
      return newRef(None);
    }, source);
  } catch (e) {
    if (e instanceof DeadlockDetected) reportDeadlock(interp, source);
    else if (e instanceof PyBaseException) handleUncaught(interp, e, source);
    else throw e;
  }
}

/** Run a module code object as __main__; output goes to the host. */
export function runProgram(code: CodeObject, host: Host, options: RunOptions = {}): RunResult {
  const program = prepareProgram(code, host, options);
  let exitCode = 0;
  try {
    decref(program.start());
  } catch (e) {
    if (!(e instanceof PyBaseException)) throw e;
    exitCode = program.uncaught(e);
  }
  program.finalize();
  void heap;
  return { exitCode };
}

/**
 * Run the current thread and the others under the GIL. A deadlock (every thread blocked for good)
 * prints each thread's stack and ends the program like SystemExit(1) instead of hanging.
 */
function driveThreads(interp: Interpreter, first: () => PyObject, source: (f: string) => string[] | null): PyObject {
  try {
    return interp.threads.drive(first);
  } catch (e) {
    if (!(e instanceof DeadlockDetected)) throw e;
    reportDeadlock(interp, source);
    const exit = newException(E.SystemExit, '');
    exit.extra = newInt(1);
    throw exit;
  }
}

/** faulthandler's dump_traceback format, one block per thread, the running one first. */
function reportDeadlock(interp: Interpreter, source: (f: string) => string[] | null): void {
  void source;
  interp.threads.deadlocked = true;
  const describe = (f: VmFrame) => `  File "${f.code.co.co_filename}", line ${lineForOffset(f.code, f.lasti)} in ${f.code.co.co_name}\n`;
  interp.host.writeStderr('Fatal Python error: deadlock (detected by pyxray): every thread is blocked and none can wake the others\n\n' + interp.threads.stacksReport(describe));
}

function handleUncaught(interp: Interpreter, e: PyBaseException, source: (f: string) => string[] | null): number {
  const host = interp.host;
  if (e.ob_type.isSubtypeOf(E.SystemExit)) {
    const code = e.extra ?? (e.args.items.length > 0 ? e.args.items[0] : None);
    if (code === None) return 0;
    if (code instanceof PyInt) return Number(code.value) & 255;
    host.writeStderr(A.str(code) + '\n');
    return 1;
  }
  const jsError = (e as unknown as { jsError?: unknown }).jsError;
  const builtinNames = () => interp.builtins.keyList().map((k) => (k as PyStr).value);
  host.writeStderr(formatException(e, source, builtinNames));
  if (jsError !== undefined && typeof process !== 'undefined' && (globalThis as { PYXRAY_DEBUG?: boolean }).PYXRAY_DEBUG) {
    host.writeStderr(String((jsError as Error).stack) + '\n');
  }
  return 1;
}

/** The import system: builtin modules only until the compiler can compile sibling files. */
function importModule(interp: Interpreter, name: string, fromlist: PyObject, level: number, _globals: PyDict): PyObject {
  void fromlist;
  // The stdlib registry (runtime/src/modules/stdlib.ts) resolves sys.modules, packages and the
  // modules the runtime ships; null means the top-level name is not one of them.
  const shipped = importStdlib(interp, name, fromlist, level, _globals);
  if (shipped !== null) return shipped;
  if (level > 0) throw newException(E.ImportError, 'attempted relative import with no known parent package');
  const top = name.split('.')[0];
  const existing = interp.modules.getStr(top);
  if (existing !== undefined) return newRef(existing);
  const e = newException(E.ModuleNotFoundError, `No module named '${name}'`);
  e.name = newStr(name);
  throw e;
}

export { PyModule, PyFunction, PyCell, PyGenerator, PyTuple, newFrameObject, makeSuper, newInt, kwnamesFromTuple };
