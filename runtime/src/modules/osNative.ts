// `_os`: what os, posixpath, io and tempfile ask of the outside world, answered by the Host's
// sandboxed file system (vm/sandboxFs.ts) so a snippet never reaches the real disk. The working
// directory starts at the program's folder. File system failures become CPython's OSError
// subclasses with (errno, strerror, filename) args, so messages read "[Errno 2] No such file or
// directory: 'x'".

import { newInt } from '../objects/int';
import { newStr, PyStr } from '../objects/str';
import { newBool } from '../objects/bool';
import { newFloat } from '../objects/float';
import { PyBytes, newBytes } from '../objects/bytes';
import { newTupleSteal } from '../objects/tuple';
import { newListSteal } from '../objects/list';
import { None } from '../objects/none';
import { newException, TypeError, builtinExceptionTypes, PyBaseException } from '../objects/exceptions';
import * as A from '../objects/abstract';
import { newRef, decref } from '../memory/heap';
import { nativeModule, expectArgs } from './nativeModule';
import { initOsError } from '../objects/exceptionFields';
import { FsError, ENOENT, EEXIST, ENOTDIR, EISDIR } from '../vm/sandboxFs';
import type { PyObject } from '../objects/pyobject';
import type { Interpreter } from '../vm/interpreter';

/** A fixed process id: the same program gives the same output every run. */
const SIMULATED_PID = 4242;

const ERRNO_TYPES: Record<number, string> = {
  [ENOENT]: 'FileNotFoundError',
  [EEXIST]: 'FileExistsError',
  [ENOTDIR]: 'NotADirectoryError',
  [EISDIR]: 'IsADirectoryError',
};

/** The OSError CPython raises for `error`, filename shown as the program spelled it. */
export function osErrorFrom(error: FsError): PyBaseException {
  const type = builtinExceptionTypes().get(ERRNO_TYPES[error.errno] ?? 'OSError')!;
  const e = newException(type);
  const args = [newInt(error.errno), newStr(error.strerror), newStr(error.filename)];
  initOsError(e, args);
  for (const a of args) decref(a);
  return e;
}

export function makeOsNative(interp: Interpreter) {
  const m = nativeModule('_os');
  const fs = interp.host.fs;
  const pathArg = (o: PyObject) => {
    if (!(o instanceof PyStr)) throw newException(TypeError, `expected str, bytes or os.PathLike object, not ${A.typeName(o)}`);
    return o.value;
  };
  /** Run a file system operation, turning FsError into the Python OSError. */
  const guarded = <T>(op: () => T): T => {
    try {
      return op();
    } catch (error) {
      if (error instanceof FsError) throw osErrorFrom(error);
      throw error;
    }
  };
  const def1 = (name: string, fn: (path: string) => PyObject) =>
    m.def(name, (_s, args, kw) => {
      expectArgs(name, args, kw, 1);
      return guarded(() => fn(pathArg(args[0])));
    });

  m.def('getcwd', () => newStr(fs.cwd));
  m.def('getpid', () => newInt(SIMULATED_PID));
  def1('chdir', (p) => (fs.chdir(p), newRef(None)));
  def1('exists', (p) => newBool(fs.stat(p) !== null));
  def1('isdir', (p) => newBool(fs.stat(p)?.isDir === true));
  def1('isfile', (p) => newBool(fs.stat(p)?.isDir === false));
  def1('getsize', (p) => {
    const st = fs.stat(p);
    if (st === null) throw new FsError(ENOENT, p);
    return newInt(st.size);
  });
  // stat(path) -> (is_dir, size, mtime)
  def1('stat', (p) => {
    const st = fs.stat(p);
    if (st === null) throw new FsError(ENOENT, p);
    return newTupleSteal([newBool(st.isDir), newInt(st.size), newFloat(st.mtime)]);
  });
  def1('read', (p) => newBytes(fs.readFile(p).slice()));
  m.def('write', (_s, args, kw) => {
    expectArgs('write', args, kw, 2);
    const data = args[1];
    if (!(data instanceof PyBytes)) throw newException(TypeError, `a bytes-like object is required, not '${A.typeName(data)}'`);
    return guarded(() => (fs.writeFile(pathArg(args[0]), data.data.slice()), newRef(None)));
  });
  def1('listdir', (p) => newListSteal(fs.listdir(p).map((n) => newStr(n))));
  def1('mkdir', (p) => (fs.mkdir(p), newRef(None)));
  def1('rmdir', (p) => (fs.rmdir(p), newRef(None)));
  def1('unlink', (p) => (fs.unlink(p), newRef(None)));
  def1('abspath', (p) => newStr(fs.resolve(p)));
  m.def('rename', (_s, args, kw) => {
    expectArgs('rename', args, kw, 2);
    return guarded(() => (fs.rename(pathArg(args[0]), pathArg(args[1])), newRef(None)));
  });
  return m.module;
}
