// `_os`: what os/posixpath ask of the outside world, answered by the Host (the program's files)
// so a snippet never reaches the real file system. The working directory is the program's.

import { newInt } from '../objects/int';
import { newStr, PyStr } from '../objects/str';
import { newBool } from '../objects/bool';
import { newException, TypeError, builtinExceptionTypes } from '../objects/exceptions';
import * as A from '../objects/abstract';
import { nativeModule, expectArgs } from './nativeModule';
import type { PyObject } from '../objects/pyobject';
import type { Interpreter } from '../vm/interpreter';

/** A fixed process id: the same program gives the same output every run. */
const SIMULATED_PID = 4242;

export function makeOsNative(interp: Interpreter) {
  const m = nativeModule('_os');
  const host = interp.host;
  const pathArg = (o: PyObject) => {
    if (!(o instanceof PyStr)) throw newException(TypeError, `expected str, not ${A.typeName(o)}`);
    return o.value;
  };
  const cwd = () => host.programPath.replace(/\/[^/]*$/, '') || '/';
  const resolve = (p: string) => (p.startsWith('/') ? p : `${cwd()}/${p}`);
  m.def('getcwd', () => newStr(cwd()));
  m.def('getpid', () => newInt(SIMULATED_PID));
  m.def('exists', (_s, args, kw) => {
    expectArgs('exists', args, kw, 1);
    return newBool(host.readFile(resolve(pathArg(args[0]))) !== null);
  });
  m.def('getsize', (_s, args, kw) => {
    expectArgs('getsize', args, kw, 1);
    const p = pathArg(args[0]);
    const text = host.readFile(resolve(p));
    if (text === null) throw newException(builtinExceptionTypes().get('FileNotFoundError')!, `[Errno 2] No such file or directory: '${p}'`);
    return newInt(new TextEncoder().encode(text).length);
  });
  return m.module;
}
