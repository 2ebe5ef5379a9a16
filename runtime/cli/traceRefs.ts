// `pyxray run --trace-refs FILE`: the program runs as usual, and after each source line of the
// program's own file finishes, the names of that frame whose object or reference count changed
// are listed on stderr — a terminal view of what the debugger's variables show.
//
//   [refs] line 3 (<module>)  b = a
//   [refs]     a  list 0x7f3a1c0061d0  refcount 1 -> 2
//   [refs]     b  list 0x7f3a1c0061d0  refcount 2  (new)
//
// "refcount" is ob_refcnt, the count itself: sys.getrefcount(x) prints one more (its argument).
// Names: a function's locals (cells show the cell's contents), a module's or class body's
// namespace without dunder names. Reading never changes a count (the observer only reads).

import { prepareProgram } from '../src/vm/program';
import type { Host } from '../src/vm/host';
import type { CodeObject } from '../src/index';
import type { Frame } from '../src/vm/frame';
import type { PyObject } from '../src/objects/pyobject';
import { PyStr } from '../src/objects/str';
import { PyCell } from '../src/objects/cell';
import { PyBaseException } from '../src/objects/exceptions';
import { decref } from '../src/memory/heap';
import { frameLocation } from '../src/inspect/frameView';
import { isStatic, hexAddress } from '../src/inspect/objectView';

interface Seen {
  obj: PyObject;
  refcnt: number;
}

function namesOf(frame: Frame): [string, PyObject][] {
  const out: [string, PyObject][] = [];
  if (frame.locals !== null) {
    const mapping = frame.locals as unknown as { entries?: () => [PyObject, PyObject][] };
    if (typeof mapping.entries === 'function') {
      for (const [k, v] of mapping.entries()) {
        if (k instanceof PyStr && !(k.value.startsWith('__') && k.value.endsWith('__'))) out.push([k.value, v]);
      }
    }
    return out;
  }
  const names = frame.code.co.co_localsplusnames;
  frame.fast.forEach((v, i) => {
    if (v === null) return;
    out.push([names[i], v instanceof PyCell && v.contents !== null ? v.contents : v]);
  });
  return out;
}

function describe(o: PyObject): string {
  return `${o.ob_type.name} ${hexAddress(o)}`;
}

function count(o: PyObject): string {
  return isStatic(o) ? 'immortal' : String(o.ob_refcnt);
}

/** Run `code` like runProgram, reporting reference count changes of named variables per line. */
export function runTracingRefs(code: CodeObject, host: Host, write: (text: string) => void): number {
  const program = prepareProgram(code, host);
  const interp = program.interp;
  const sourceLines = (host.readFile(host.programPath) ?? '').split(/\r?\n/);
  const snapshots = new WeakMap<Frame, Map<string, Seen>>();
  const lastLine = new WeakMap<Frame, number>();

  const report = (frame: Frame, line: number): void => {
    const before = snapshots.get(frame) ?? new Map<string, Seen>();
    const now = new Map<string, Seen>();
    const lines: string[] = [];
    for (const [name, obj] of namesOf(frame)) {
      now.set(name, { obj, refcnt: obj.ob_refcnt });
      const old = before.get(name);
      if (old === undefined) lines.push(`    ${name}  ${describe(obj)}  refcount ${count(obj)}  (new)`);
      else if (old.obj !== obj) lines.push(`    ${name}  ${describe(obj)}  refcount ${count(obj)}  (rebound, was ${describe(old.obj)})`);
      else if (old.refcnt !== obj.ob_refcnt && !isStatic(obj)) lines.push(`    ${name}  ${describe(obj)}  refcount ${old.refcnt} -> ${obj.ob_refcnt}`);
    }
    for (const name of before.keys()) if (!now.has(name)) lines.push(`    ${name}  deleted`);
    snapshots.set(frame, now);
    if (lines.length === 0) return;
    const text = (sourceLines[line - 1] ?? '').trim();
    write(`[refs] line ${line} (${frame.code.co.co_name})  ${text}\n` + lines.map((l) => `[refs] ${l}\n`).join(''));
  };

  interp.observed = true;
  interp.observer = (frame) => {
    if (frame.code.co.co_filename !== host.programPath) return false;
    const line = frameLocation(frame, true).line;
    if (line === null) return false;
    const previous = lastLine.get(frame);
    if (previous !== line) {
      if (previous !== undefined) report(frame, previous);
      else snapshots.set(frame, new Map(namesOf(frame).map(([n, o]) => [n, { obj: o, refcnt: o.ob_refcnt }])));
      lastLine.set(frame, line);
    }
    return false;
  };
  let exitCode = 0;
  try {
    decref(program.start());
  } catch (e) {
    if (!(e instanceof PyBaseException)) throw e;
    exitCode = program.uncaught(e);
  }
  interp.observed = false;
  interp.observer = null;
  program.finalize();
  return exitCode;
}
