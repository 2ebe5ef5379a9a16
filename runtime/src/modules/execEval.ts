// compile(), exec() and eval() (Python/bltinmodule.c builtin_compile/exec/eval): source text goes
// through the one front end and compiler into a code object, which the VM runs with the globals
// and locals the caller chose. Front-end errors become Python SyntaxErrors naming the filename
// ("<string>" for exec/eval of a str), so tracebacks show the offending line with a caret.
// A code object with free variables cannot run here (CPython's TypeError), so frames made here
// never need a closure.

import type { PyObject } from '../objects/pyobject';
import { PyDict, newDict } from '../objects/dict';
import { PyModule } from '../objects/module';
import { PyStr, newStr } from '../objects/str';
import { PyBytes } from '../objects/bytes';
import { PyInt } from '../objects/int';
import { PyCode, codeFor } from '../objects/code';
import { PyCell } from '../objects/cell';
import { None } from '../objects/none';
import { splitArgs } from '../objects/define';
import { newException, TypeError, ValueError, RecursionError, MemoryError, SyntaxError, SyntaxWarning } from '../objects/exceptions';
import { syntaxErrorFrom } from '../objects/syntaxError';
import * as A from '../objects/abstract';
import { newRef, decref } from '../memory/heap';
import { compileSource, type CompileMode } from '../compiler/compile';
import { PySyntaxError, PyLimitError } from '../syntax/errors';
import type { Interpreter } from '../vm/interpreter';
import type { Frame } from '../vm/frame';
import type { NativeMethod } from '../objects/builtinFunction';

/** Compile `source` as `filename`, raising Python exceptions for bad source. */
export function compileToCode(source: string, filename: string, mode: CompileMode): PyCode {
  if (source.includes('\0')) throw newException(SyntaxError, 'source code string cannot contain null bytes');
  try {
    const co = compileSource(source, filename, mode);
    // compile()'s SyntaxWarnings go through the warnings filters at the place they name.
    for (const w of co.compileWarnings ?? []) A.callSupport.warn(SyntaxWarning, w.message, { filename, lineno: w.lineno });
    return codeFor(co);
  } catch (error) {
    if (error instanceof PySyntaxError) throw syntaxErrorFrom(error, filename, source);
    if (error instanceof PyLimitError) throw newException(error.pythonType === 'MemoryError' ? MemoryError : RecursionError, error.message);
    throw error;
  }
}

/** The text of a str/bytes/bytearray source argument, or null for anything else. */
function sourceText(o: PyObject): string | null {
  if (o instanceof PyStr) return o.value;
  if (o instanceof PyBytes) return new TextDecoder('utf-8').decode(o.data);
  return null;
}

/**
 * locals() of a frame (new reference): a module or class body's namespace; for a function, the
 * frame's one f_locals dict, refreshed from the fast locals and cells on every call (names that
 * became unbound are removed, other keys — e.g. ones exec() stored — stay), as
 * PyFrame_FastToLocals does.
 */
export function frameLocalsMapping(f: Frame): PyObject {
  if (f.locals !== null) return newRef(f.locals);
  const d = (f.localsSnapshot ??= newDict());
  const names = f.code.co.co_localsplusnames;
  for (let i = 0; i < names.length; i++) {
    let v = f.fast[i];
    if (v instanceof PyCell) v = v.contents;
    if (v !== null && v !== undefined) d.setStr(names[i], v);
    else if (d.getStr(names[i]) !== undefined) {
      const key = newStr(names[i]);
      d.delete(key);
      decref(key);
    }
  }
  return newRef(d);
}

function locals(interp: Interpreter): PyObject {
  return frameLocalsMapping(interp.callerFrame());
}

/**
 * exec/eval's shared part: pick globals/locals like CPython (defaults from the calling frame;
 * explicit globals must be a dict and get __builtins__; locals any mapping) and run `code`.
 */
function runIn(interp: Interpreter, fname: 'exec' | 'eval', source: PyObject, globalsArg: PyObject, localsArg: PyObject, mode: CompileMode): PyObject {
  let globals: PyDict;
  let localsObj: PyObject;
  if (globalsArg !== None && !(globalsArg instanceof PyDict)) {
    throw newException(TypeError, fname === 'exec' ? `exec() globals must be a dict, not ${A.typeName(globalsArg)}` : 'globals must be a real dict; try eval(expr, {}, mapping)');
  }
  if (localsArg !== None && A.getAttrOrNull(localsArg, '__getitem__') === null) {
    throw newException(TypeError, fname === 'exec' ? `locals must be a mapping or None, not ${A.typeName(localsArg)}` : 'locals must be a mapping');
  }
  if (globalsArg === None) {
    globals = interp.callerFrame().globals;
    localsObj = localsArg === None ? locals(interp) : newRef(localsArg);
  } else {
    globals = globalsArg as PyDict;
    localsObj = newRef(localsArg === None ? globalsArg : localsArg);
  }
  try {
    if (globals.getStr('__builtins__') === undefined) globals.setStr('__builtins__', interp.builtins);
    let code: PyCode;
    if (source instanceof PyCode) {
      code = source;
      if (code.co.co_freevars.length > 0) {
        throw newException(TypeError, `code object passed to ${fname}() may not contain free variables`);
      }
    } else {
      let text = sourceText(source);
      if (text === null) {
        throw newException(TypeError, fname === 'exec'
          ? `exec() arg 1 must be a string, bytes or code object`
          : `eval() arg 1 must be a string, bytes or code object`);
      }
      // eval() ignores leading spaces and tabs (builtin_eval_impl strips them).
      if (fname === 'eval') text = text.replace(/^[ \t]+/, '');
      code = compileToCode(text, '<string>', mode);
    }
    // The code's builtins are globals['__builtins__'] (a module or a dict), as in CPython.
    const b = globals.getStr('__builtins__');
    const builtins = b instanceof PyDict ? b : b instanceof PyModule && b.dict !== null ? b.dict : interp.builtins;
    return interp.runCode(code, globals, localsObj, null, builtins);
  } finally {
    decref(localsObj);
  }
}

const COMPILE_PARAMS = ['source', 'filename', 'mode', 'flags', 'dont_inherit', 'optimize', '_feature_version'];
const PyCF_ONLY_AST = 0x400;

/** Adds compile, exec and eval to the builtins being built by `def`. */
export function defineExecEval(interp: Interpreter, def: (name: string, fn: NativeMethod) => void): void {
  def('exec', (_s, args, kwnames) => {
    const [pos, kw] = splitArgs(args, kwnames);
    if (pos.length < 1) throw newException(TypeError, `exec expected at least 1 argument, got ${pos.length}`);
    if (pos.length > 3) throw newException(TypeError, `exec expected at most 3 arguments, got ${pos.length}`);
    for (const k of kw.keys()) if (k !== 'closure') throw newException(TypeError, `exec() got an unexpected keyword argument '${k}'`);
    decref(runIn(interp, 'exec', pos[0], pos[1] ?? None, pos[2] ?? None, 'exec'));
    return newRef(None);
  });
  def('eval', (_s, args, kwnames) => {
    const [pos, kw] = splitArgs(args, kwnames);
    if (kw.size > 0) throw newException(TypeError, 'eval() takes no keyword arguments');
    if (pos.length < 1) throw newException(TypeError, `eval expected at least 1 argument, got ${pos.length}`);
    if (pos.length > 3) throw newException(TypeError, `eval expected at most 3 arguments, got ${pos.length}`);
    return runIn(interp, 'eval', pos[0], pos[1] ?? None, pos[2] ?? None, 'eval');
  });
  def('compile', (_s, args, kwnames) => {
    const [pos, kw] = splitArgs(args, kwnames);
    const values: (PyObject | undefined)[] = [...pos];
    for (const [k, v] of kw) {
      const i = COMPILE_PARAMS.indexOf(k);
      if (i < 0) throw newException(TypeError, `'${k}' is an invalid keyword argument for compile()`);
      if (values[i] !== undefined) throw newException(TypeError, `argument for compile() given by name ('${k}') and position (${i + 1})`);
      values[i] = v;
    }
    for (let i = 0; i < 3; i++) {
      if (values[i] === undefined) throw newException(TypeError, `compile() missing required argument '${COMPILE_PARAMS[i]}' (pos ${i + 1})`);
    }
    const [source, filenameObj, modeObj, flagsObj] = values as PyObject[];
    if (!(modeObj instanceof PyStr)) throw newException(TypeError, `compile() argument 'mode' must be str, not ${A.typeName(modeObj)}`);
    const mode = modeObj.value;
    if (mode !== 'exec' && mode !== 'eval' && mode !== 'single') {
      throw newException(ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    }
    const flags = flagsObj instanceof PyInt ? Number(flagsObj.value) : 0;
    if (flags & PyCF_ONLY_AST) throw newException(ValueError, 'compile(): PyCF_ONLY_AST (the ast module) is not supported by this runtime');
    const filename = filenameObj instanceof PyStr ? filenameObj.value : filenameObj instanceof PyBytes ? new TextDecoder().decode(filenameObj.data) : null;
    if (filename === null) throw newException(TypeError, `expected str, bytes or os.PathLike object, not ${A.typeName(filenameObj)}`);
    if (source instanceof PyCode) return newRef(source);
    const text = sourceText(source);
    if (text === null) throw newException(TypeError, 'compile() arg 1 must be a string, bytes or AST object');
    return newRef(compileToCode(text, filename, mode));
  });
  void newStr;
}
