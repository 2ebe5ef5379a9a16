// _mp_native: what runtime/lib/multiprocessing needs from the thread scheduler to simulate
// processes — ending a process's thread (terminate()/kill()).

import { newBool } from '../objects/bool';
import * as A from '../objects/abstract';
import { nativeModule } from './nativeModule';
import type { Interpreter } from '../vm/interpreter';
import type { PyModule } from '../objects/module';

export function makeMpNative(interp: Interpreter): PyModule {
  const m = nativeModule('_mp_native');
  m.def('kill_thread', (_self, args) => {
    const ident = A.indexNumber(args[0]);
    const t = interp.threads.byIdent(ident);
    return newBool(t !== undefined && interp.threads.kill(t));
  });
  return m.module;
}
