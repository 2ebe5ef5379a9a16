// _asyncio_support: the natives the Python asyncio package (runtime/lib/asyncio) needs and
// cannot write itself — formatting an exception with its traceback exactly as the interpreter
// prints an uncaught one (what CPython's asyncio logger prints through the traceback module).

import { newStr } from '../objects/str';
import { PyStr } from '../objects/str';
import { PyBaseException, newException, TypeError } from '../objects/exceptions';
import { nativeModule } from './nativeModule';
import { formatException } from '../vm/traceback';
import type { Interpreter } from '../vm/interpreter';
import type { PyModule } from '../objects/module';

export function makeAsyncioSupport(interp: Interpreter): PyModule {
  const m = nativeModule('_asyncio_support');
  const cache = new Map<string, string[] | null>();
  const source = (filename: string) => {
    if (!cache.has(filename)) {
      const text = interp.host.readFile(filename);
      cache.set(filename, text === null ? null : text.split(/\r?\n/));
    }
    return cache.get(filename)!;
  };
  m.def('format_exception', (_self, args) => {
    const exc = args[0];
    if (!(exc instanceof PyBaseException)) throw newException(TypeError, 'format_exception() expects an exception');
    const names = () => interp.builtins.keyList().map((k) => (k as PyStr).value);
    return newStr(formatException(exc, source, names));
  });
  return m.module;
}
