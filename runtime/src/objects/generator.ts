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

export function newGenerator(code: PyCode, frame: unknown, type: PyType = generatorType): PyGenerator {
  // gen_sizeof: the generator with its frame inline (localsplus and value stack slots).
  return track(new PyGenerator(type, code, frame), 152 + 8 * (code.co.co_localsplusnames.length + code.co.co_stacksize));
}
