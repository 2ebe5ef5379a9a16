// Simulated processes as the debugger names them. A multiprocessing child process is a thread of
// the one interpreter (runtime/lib/multiprocessing/process.py); its module records which thread
// runs which process (`_process_of_thread`: thread ident → the child's Process object). This reads
// that record — dicts and strings only, no Python code, no refcount touched — so the debugger can
// call a child's thread "Process-1 / MainThread", as the process sees itself.
//
// Threads a child process starts itself are not recorded there (the simulation does not track
// which process started a thread): they keep their own names.

import type { Interpreter } from '../vm/interpreter';
import { PyDict } from '../objects/dict';
import { PyInt } from '../objects/int';
import { PyStr } from '../objects/str';

/** Thread ident → the name of the child process whose main thread it is (Process.name). */
export function childProcessThreads(interp: Interpreter): Map<number, string> {
  const out = new Map<number, string>();
  const module = interp.modules?.getStr('multiprocessing.process');
  const table = module?.dict?.getStr('_process_of_thread');
  if (!(table instanceof PyDict)) return out;
  for (const [key, proc] of table.entries()) {
    const name = proc.dict?.getStr('_name');
    if (key instanceof PyInt && name instanceof PyStr) out.set(Number(key.value), name.value);
  }
  return out;
}
