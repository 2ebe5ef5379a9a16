// Data breakpoints as the session keeps them: specs that name what to watch independently of one
// run — an object's address (its refcount), a global name, or a fast-local slot of the frame at
// some depth — so they can be resolved again on the fresh program a step back creates.
//
// dataId formats (what dataBreakpointInfo hands out and setDataBreakpoints gets back):
//   refcount:0x7f3a…         ob_refcnt of the object at that address (break on change / free)
//   global:name              the binding of a module-level name
//   local:depth:slot:name    the binding of fast slot `slot` in the frame `depth` frames above
//                            the module (1 = a function called from the module)

import type { DebugProtocol } from '@vscode/debugprotocol';
import {
  refcountWatch, addressWatch, localBindingWatch, slotAtDepthWatch, dictBindingWatch, referents, frameStack, hexAddress, blockAddressOf,
  type DebugProgram, type DataWatch, type Frame, type PyObject,
} from '../../runtime/src/inspect/index';

export type WatchSpec =
  | { kind: 'refcount'; dataId: string; address: string; id: number }
  | { kind: 'global'; dataId: string; name: string; id: number }
  | { kind: 'local'; dataId: string; depth: number; slot: number; name: string; id: number };

export function parseDataId(dataId: string, id: number): WatchSpec | null {
  let m = /^refcount:(0x[0-9a-f]+)$/.exec(dataId);
  if (m !== null) return { kind: 'refcount', dataId, address: m[1], id };
  m = /^global:(.+)$/.exec(dataId);
  if (m !== null) return { kind: 'global', dataId, name: m[1], id };
  m = /^local:(\d+):(\d+):(.+)$/.exec(dataId);
  if (m !== null) return { kind: 'local', dataId, depth: Number(m[1]), slot: Number(m[2]), name: m[3], id };
  return null;
}

/** Frames from the module frame (index 0) up to the innermost. */
function framesFromBottom(program: DebugProgram): Frame[] {
  return program.frames().reverse();
}

/** The frame `depth` frames above the module frame of the stopped thread, or null (no allocation: it runs at every line event of a replay). */
function frameAtDepth(program: DebugProgram, depth: number): Frame | null {
  const top = program.topFrame;
  let n = -1;
  for (let f: Frame | null = top; f !== null; f = f.previous) n++;
  if (n < depth) return null;
  let f = top;
  for (; n > depth; n--) f = f!.previous;
  return f;
}

/** The depth of a frame counted from the module frame (0). */
export function depthFromBottom(frame: Frame): number {
  let n = -1;
  for (let f: Frame | null = frame; f !== null; f = f.previous) n++;
  return n;
}

/**
 * The live object at `address` (its id, or its block's address), searched from the program's roots (every frame's slots and value
 * stack, the module's globals) through the references objects hold. Reads only.
 */
export function findObject(program: DebugProgram, address: string, known: Map<string, PyObject>, limit = 200_000): PyObject | null {
  const cached = known.get(address);
  if (cached !== undefined && cached.ob_refcnt > 0) return cached;
  const seen = new Set<PyObject>();
  const queue: PyObject[] = [];
  const push = (o: PyObject | null | undefined) => {
    if (o != null && !seen.has(o)) {
      seen.add(o);
      queue.push(o);
    }
  };
  for (const f of program.frames()) {
    f.fast.forEach(push);
    frameStack(f).forEach(push);
    if (f.locals !== null) push(f.locals);
  }
  push(program.mainGlobals);
  for (let i = 0; i < queue.length && i < limit; i++) {
    const o = queue[i];
    // An object's id, or the block it lives in (the heap map names blocks).
    if (hexAddress(o) === address || blockAddressOf(o) === address) return o;
    for (const r of referents(o)) push(r.object);
  }
  return null;
}

export class WatchSpecs {
  specs: WatchSpec[] = [];

  /** The watches of these specs on `program` (specs that name nothing alive there are skipped). */
  resolve(program: DebugProgram, known: Map<string, PyObject>): DataWatch[] {
    const out: DataWatch[] = [];
    const frames = framesFromBottom(program);
    const onStack = (frame: Frame) => {
      for (let f = program.topFrame; f !== null; f = f.previous) if (f === frame) return true;
      return false;
    };
    for (const spec of this.specs) {
      if (spec.kind === 'refcount') {
        // Not alive here (a replay went back to before it existed): watch the address instead.
        const o = findObject(program, spec.address, known);
        out.push(o !== null ? refcountWatch(spec.dataId, o) : addressWatch(spec.dataId, spec.address, () => findObject(program, spec.address, new Map(), 20_000)));
      } else if (spec.kind === 'global') {
        out.push(dictBindingWatch(spec.dataId, spec.name, program.mainGlobals));
      } else {
        const frame = frames[spec.depth];
        if (frame !== undefined && frame.code.co.co_localsplusnames[spec.slot] === spec.name) {
          out.push(localBindingWatch(spec.dataId, spec.name, frame, spec.slot, onStack));
        }
      }
    }
    return out;
  }

  /**
   * The specs a replay from the start can follow (reverseContinue's scan, restart): global names,
   * refcounts by address (looked up again while nothing lives there), and locals by the depth of
   * their frame (the first run's frame has no counterpart before it exists: each call of the
   * function at that depth is watched in turn, so going back reaches earlier calls' writes).
   */
  resolveFromStart(program: DebugProgram): DataWatch[] {
    const out: DataWatch[] = [];
    for (const s of this.specs) {
      if (s.kind === 'global') out.push(dictBindingWatch(s.dataId, s.name, program.mainGlobals));
      else if (s.kind === 'refcount') out.push(addressWatch(s.dataId, s.address, () => findObject(program, s.address, new Map(), 20_000)));
      else out.push(slotAtDepthWatch(s.dataId, s.name, s.slot, () => frameAtDepth(program, s.depth)));
    }
    return out;
  }

  idsOf(dataIds: string[]): number[] {
    return this.specs.filter((s) => dataIds.includes(s.dataId)).map((s) => s.id);
  }
}

export type DataBreakpointInfo = DebugProtocol.DataBreakpointInfoResponse['body'];
