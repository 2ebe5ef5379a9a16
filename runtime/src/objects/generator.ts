// generator (Objects/genobject.c): a suspended frame plus its state. The VM resumes it by pushing
// the frame onto the running frame chain (FOR_ITER/SEND do this without recursion) or, from
// native code (next(), send(), throw()), by a nested run of the eval loop.

import { PyObject } from './pyobject';
import { makeStaticType, type PyType } from './typeobject';
import { track } from '../memory/heap';
import type { PyCode } from './code';

export const generatorType: PyType = makeStaticType('generator', undefined, { gcHeader: true, basicsize: 112, isBaseType: false });
export const coroutineType: PyType = makeStaticType('coroutine', undefined, { gcHeader: true, basicsize: 112, isBaseType: false });

/** Created, suspended at a yield, running, or finished (CPython's FRAME_CREATED... states). */
export const enum GenState {
  Created,
  Suspended,
  Running,
  Closed,
}

export class PyGenerator extends PyObject {
  state = GenState.Created;
  name: string;
  qualname: string;
  /** The VM's frame (opaque to the object model). */
  frame: unknown;
  constructor(type: PyType, readonly code: PyCode, frame: unknown) {
    super(type);
    this.frame = frame;
    this.name = code.co.co_name;
    this.qualname = code.co.co_qualname;
  }
}

/** What the VM does for the object model with a generator's (opaque) frame. */
export const generatorFrames = {
  /**
   * _PyFrame_Clear of a frame that did not run to its end (never started, or its close() failed):
   * release its locals, value stack and function.
   */
  release: (_gen: PyGenerator): void => {},
};

/**
 * gen_dealloc (and gen_close of a generator that never started): a frame that is not finished
 * still owns what it holds (a never-started generator's arguments); clearing it releases them,
 * so their __del__ / weakref callbacks run when the generator goes, as in CPython. A suspended
 * generator was closed by its finalizer before this (memory/gc/pyGc.ts).
 */
export function clearUnfinishedFrame(gen: PyGenerator): void {
  if (gen.state === GenState.Closed || gen.state === GenState.Running) return;
  gen.state = GenState.Closed;
  generatorFrames.release(gen);
}

generatorType.tp_dealloc = (obj) => clearUnfinishedFrame(obj as PyGenerator);

export function newGenerator(code: PyCode, frame: unknown, type: PyType = generatorType): PyGenerator {
  // gen_sizeof: the generator with its frame inline (localsplus and value stack slots).
  return track(new PyGenerator(type, code, frame), 152 + 8 * (code.co.co_localsplusnames.length + code.co.co_stacksize));
}
