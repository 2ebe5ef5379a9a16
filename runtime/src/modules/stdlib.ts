// The standard library's import side: which modules exist beyond builtins/sys, and how each is
// made. A module is either native (a TS factory in NATIVE_MODULES) or Python source shipped in
// runtime/lib and bundled as strings (stdlibSources.generated.ts, rebuilt by
// scripts/gen-stdlib-sources.mjs), compiled by our own compiler on first import.
// importStdlib implements absolute imports over sys.modules the way importlib does: parents
// first, packages get submodules as attributes, `import a.b` returns `a`, a fromlist returns
// the leaf. Relative imports inside a stdlib package resolve against its __package__.

import type { PyObject } from '../objects/pyobject';
import { newDict, PyDict } from '../objects/dict';
import { newModule, PyModule } from '../objects/module';
import { newStr, PyStr } from '../objects/str';
import { newListSteal } from '../objects/list';
import { codeFor } from '../objects/code';
import { None } from '../objects/none';
import { newException, ModuleNotFoundError, ImportError } from '../objects/exceptions';
import * as A from '../objects/abstract';
import { newRef, decref } from '../memory/heap';
import { compileSource } from '../compiler/compile';
import type { CodeConstant, CodeObject } from '../compiler/codeObject';
import type { Interpreter } from '../vm/interpreter';
import { STDLIB_SOURCES } from './stdlibSources.generated';
import { compileToCode } from './execEval';
import { programDir } from '../vm/host';
import { makeMath } from './math';
import { makeTime } from './time';
import { makeThreadNative } from './threadNative';
import { makeRandomNative } from './randomNative';
import { makeOsNative } from './osNative';
import { makeReNative } from './reNative';
import { makeAsyncioSupport } from './asyncioSupport';
import { makeMpNative } from './mpNative';
import { makeGc } from './gc';
import { makeWeakrefNative } from './weakrefNative';
import { makeDisNative } from './disNative';
import { makeTracebackNative } from './tracebackNative';
import { makeStructNative } from './structNative';
import { makeUnicodedata } from './unicodedata';

/** Where CPython 3.11 keeps its library; stdlib frames are dropped from normalised tracebacks. */
export const STDLIB_DIR = '/usr/lib/python3.11';

type NativeFactory = (interp: Interpreter) => PyModule;

const NATIVE_MODULES: Record<string, NativeFactory> = {
  math: makeMath,
  time: makeTime,
  _thread_native: makeThreadNative,
  _random: makeRandomNative,
  _os: makeOsNative,
  _re: makeReNative,
  _asyncio_support: makeAsyncioSupport,
  _mp_native: makeMpNative,
  gc: makeGc,
  _weakref: makeWeakrefNative,
  _dis: makeDisNative,
  _traceback: makeTracebackNative,
  _struct_floats: makeStructNative,
  unicodedata: makeUnicodedata,
};

/** Modules CPython builds into the interpreter: their repr says "(built-in)". */
const BUILT_IN = new Set(['time', '_thread_native', 'itertools', '_random', '_os', '_re', '_asyncio_support', '_mp_native', 'gc', '_weakref', '_dis', '_traceback', '_struct_floats']);

export function stdlibModuleNames(): string[] {
  return [...Object.keys(NATIVE_MODULES), ...Object.keys(STDLIB_SOURCES).map((p) => p.replace(/(\/__init__)?\.py$/, '').replace(/\//g, '.'))];
}

/** The text of a shipped library file by its /usr/lib/python3.11/... path (traceback source lines), or null. */
export function stdlibFileText(file: string): string | null {
  if (!file.startsWith(STDLIB_DIR + '/')) return null;
  return STDLIB_SOURCES[file.slice(STDLIB_DIR.length + 1)] ?? null;
}

function sourceFor(name: string): { path: string; text: string; isPackage: boolean } | null {
  const rel = name.replace(/\./g, '/');
  const pkg = STDLIB_SOURCES[`${rel}/__init__.py`];
  if (pkg !== undefined) return { path: `${rel}/__init__.py`, text: pkg, isPackage: true };
  const mod = STDLIB_SOURCES[`${rel}.py`];
  if (mod !== undefined) return { path: `${rel}.py`, text: mod, isPackage: false };
  return null;
}

function notFound(name: string, detail = ''): never {
  const e = newException(ModuleNotFoundError, `No module named '${name}'${detail}`);
  e.name = newStr(name);
  throw e;
}

/**
 * A module of the program's own folder (sys.path[0]): `<dir>/<a>/<b>/__init__.py` (a package wins)
 * or `<dir>/<a>/<b>.py`, read through the host's sandboxed file system, so a program can import
 * its sibling files, including ones it wrote itself.
 */
function programSourceFor(interp: Interpreter, name: string): { file: string; text: string; isPackage: boolean } | null {
  const fs = interp.host.fs;
  const dir = programDir(interp.host.programPath);
  const rel = name.replace(/\./g, '/');
  for (const [file, isPackage] of [[`${dir}/${rel}/__init__.py`, true], [`${dir}/${rel}.py`, false]] as [string, boolean][]) {
    const st = fs.stat(file);
    if (st !== null && !st.isDir) return { file, text: new TextDecoder().decode(fs.readFile(file)), isPackage };
  }
  return null;
}

/** Load one module (its parent already imported) and record it in sys.modules. */
function loadModule(interp: Interpreter, fullName: string): PyModule | null {
  const native = NATIVE_MODULES[fullName];
  // Modules built into the interpreter come first; then sys.path: the program's folder (whose
  // files shadow the library, as in CPython), then the library's extension and source modules.
  if (native !== undefined && BUILT_IN.has(fullName)) return loadNative(interp, fullName, native);
  const own = programSourceFor(interp, fullName);
  if (own !== null) return runSourceModule(interp, fullName, own.file, own.text, own.isPackage, true);
  if (native !== undefined) return loadNative(interp, fullName, native);
  const src = sourceFor(fullName);
  if (src === null) return null;
  return runSourceModule(interp, fullName, `${STDLIB_DIR}/${src.path}`, src.text, src.isPackage, false);
}

function loadNative(interp: Interpreter, fullName: string, native: NativeFactory): PyModule {
  const m = native(interp);
  if (!BUILT_IN.has(fullName)) {
    const file = newStr(`${STDLIB_DIR}/lib-dynload/${fullName}.cpython-311-x86_64-linux-gnu.so`);
    m.dict!.setStr('__file__', file);
    decref(file);
  }
  interp.modules.setStr(fullName, m);
  decref(m);
  return m;
}

/**
 * The shipped library's compiled modules by file: their sources never change in a process, so
 * each is compiled once (CPython's .pyc) — compiling asyncio or threading costs more than running
 * their bodies. Each import gets its own copy of the code objects, so a run makes its own PyCode
 * objects and constants exactly as with a fresh compile (same allocations, same ids).
 */
const compiledLibrary = new Map<string, CodeObject>();

function compiledLibraryModule(text: string, file: string): CodeObject {
  let co = compiledLibrary.get(file);
  if (co === undefined) {
    co = compileSource(text, file);
    compiledLibrary.set(file, co);
  }
  return copyCode(co);
}

/** A code object and its nested ones with fresh identities (code units copied: the VM may write to them). */
function copyCode(co: CodeObject): CodeObject {
  const consts = co.co_consts.map((c) => (isCodeObject(c) ? copyCode(c) : c));
  return { ...co, co_code: co.co_code.slice(), co_consts: consts };
}

function isCodeObject(c: CodeConstant): c is CodeObject {
  return typeof c === 'object' && c !== null && 'co_code' in c;
}

/** Run a source module's body in a fresh module registered as `fullName`. */
function runSourceModule(interp: Interpreter, fullName: string, file: string, text: string, isPackage: boolean, programOwn: boolean): PyModule {
  const globals = newDict();
  const m = newModule(fullName, globals);
  const put = (key: string, v: PyObject) => {
    globals.setStr(key, v);
    decref(v);
  };
  put('__file__', newStr(file));
  put('__package__', newStr(isPackage ? fullName : fullName.replace(/\.?[^.]*$/, '')));
  if (isPackage) put('__path__', newListSteal([newStr(file.replace(/\/__init__\.py$/, ''))]));
  globals.setStr('__builtins__', interp.modules.getStr('builtins')!);
  // Registered before its body runs, so circular imports see the partial module as in CPython.
  interp.modules.setStr(fullName, m);
  decref(m);
  try {
    // The program's modules may have syntax errors: those are Python SyntaxErrors naming the file.
    const code = programOwn ? compileToCode(text, file, 'exec') : codeFor(compiledLibraryModule(text, file));
    const result = interp.runCode(code, globals, globals);
    decref(result);
  } catch (e) {
    const key = newStr(fullName);
    interp.modules.delete(key);
    decref(key);
    throw e;
  }
  return m;
}

/** Import `fullName` and its parents; returns the module (borrowed from sys.modules) or null. */
function importChain(interp: Interpreter, fullName: string): PyObject | null {
  const parts = fullName.split('.');
  let parent: PyObject | null = null;
  for (let i = 0; i < parts.length; i++) {
    const name = parts.slice(0, i + 1).join('.');
    let m: PyObject | null = interp.modules.getStr(name) ?? null;
    if (m === null) {
      if (parent !== null && A.getAttrOrNull(parent, '__path__') === null) {
        notFound(name, `; '${parts.slice(0, i).join('.')}' is not a package`);
      }
      m = loadModule(interp, name);
      if (m === null) {
        if (i === 0) return null;
        notFound(name);
      }
      if (parent !== null) A.setAttr(parent, parts[i], m);
    }
    parent = m;
  }
  return parent;
}

function resolveRelative(name: string, level: number, globals: PyDict): string {
  const pkg = globals.getStr('__package__');
  if (!(pkg instanceof PyStr) || pkg.value === '') {
    throw newException(ImportError, 'attempted relative import with no known parent package');
  }
  const base = pkg.value.split('.');
  if (level - 1 >= base.length) throw newException(ImportError, 'attempted relative import beyond top-level package');
  const prefix = base.slice(0, base.length - (level - 1)).join('.');
  return name === '' ? prefix : `${prefix}.${name}`;
}

/**
 * IMPORT_NAME for modules the runtime ships (and anything already in sys.modules).
 * Returns a new reference, or null when the top-level name is unknown here, so the caller can
 * go on to its own lookup (sibling files) or raise ModuleNotFoundError.
 */
export function importStdlib(interp: Interpreter, name: string, fromlist: PyObject, level: number, globals: PyDict): PyObject | null {
  const fullName = level > 0 ? resolveRelative(name, level, globals) : name;
  const leaf = importChain(interp, fullName);
  if (leaf === null) return null;
  const wantsLeaf = fromlist !== None && A.isTrue(fromlist);
  if (wantsLeaf) {
    // `from pkg import submodule`: import submodules named in the fromlist.
    if (A.getAttrOrNull(leaf, '__path__') !== null) {
      A.forEach(fromlist, (item) => {
        const attr = (item as PyStr).value;
        if (attr !== '*' && A.getAttrOrNull(leaf, attr) === null && sourceFor(`${fullName}.${attr}`) !== null) importChain(interp, `${fullName}.${attr}`);
      });
    }
    return newRef(leaf);
  }
  if (level > 0 && name === '') return newRef(leaf);
  const top = level > 0 ? fullName.slice(0, fullName.length - name.length) + name.split('.')[0] : fullName.split('.')[0];
  return newRef(interp.modules.getStr(top)!);
}
