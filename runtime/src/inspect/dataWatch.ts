// Data breakpoints: what a debugger watches between two line events — a name's binding (break
// when the name is bound to another object, or unbound) and an object's reference count (break
// when ob_refcnt changes, or when the object is freed).
//
// How: no hook in the VM or the heap. A watch remembers the value it last saw and the debugger
// compares it at each line event while at least one watch is set (no cost otherwise), so a stop
// happens right after the statement that made the change, the way hardware watchpoints stop after
// the write. Temporaries inside a statement (the value stack's own references while `print(a)`
// runs) come and go within the line and never fire.
//
// Reading never touches a refcount: the watched object is held by a JS reference only.

import type { PyObject } from '../objects/pyobject';
import type { PyDict } from '../objects/dict';
import { PyCell } from '../objects/cell';
import type { Frame } from '../vm/frame';
import { hexAddress, qualifiedTypeName } from './objectView';

export type DataWatch = RefcountWatch | BindingWatch | AddressWatch;

export interface RefcountWatch {
  kind: 'refcount';
  /** The adapter's dataId (stable while the watch exists). */
  id: string;
  object: PyObject;
  last: number;
  freed: boolean;
}

/**
 * A refcount watch named by address, for a replay from the start (reverse continue): the object
 * the user watched may not exist yet, so whatever lives at the address is looked up again whenever
 * the one seen last is gone; its appearance (0 → 1) and its free count as changes too.
 */
export interface AddressWatch {
  kind: 'address';
  id: string;
  address: string;
  find: () => PyObject | null;
  object: PyObject | null;
  last: number;
}

export function addressWatch(id: string, address: string, find: () => PyObject | null): AddressWatch {
  const object = find();
  return { kind: 'address', id, address, find, object, last: object === null ? 0 : object.ob_refcnt };
}

export interface BindingWatch {
  kind: 'binding';
  id: string;
  name: string;
  /** The current value bound to the name (borrowed), or null when unbound / out of scope. */
  read: () => PyObject | null;
  /** False once the frame holding a local has returned: the watch is then silent. */
  alive: () => boolean;
  last: PyObject | null;
}

/** A refcount watch on `object`, starting from its current count. */
export function refcountWatch(id: string, object: PyObject): RefcountWatch {
  return { kind: 'refcount', id, object, last: object.ob_refcnt, freed: object.ob_refcnt <= 0 };
}

/** A watch on fast local slot `index` of `frame` (alive while the frame is on `stackOf()`). */
export function localBindingWatch(id: string, name: string, frame: Frame, index: number, onStack: (f: Frame) => boolean): BindingWatch {
  // A cell variable's binding is what its cell holds (the cell object itself never changes).
  const read = () => {
    const slot = frame.fast[index];
    return slot instanceof PyCell ? slot.contents : slot;
  };
  return { kind: 'binding', id, name, read, alive: () => onStack(frame), last: read() };
}

/**
 * A replay's watch on a function's local (reverse continue): slot `index`, named `name`, of
 * whichever frame `frameAt()` finds (the frame at the watched depth: the first run's frame has no
 * counterpart before it exists, so each call of the function there is followed in turn). A new
 * frame starts unbound, so the arguments it is called with count as a write, at its first line.
 */
export function slotAtDepthWatch(id: string, name: string, index: number, frameAt: () => Frame | null): BindingWatch {
  let frame: Frame | null = null;
  const holder = (): Frame | null => {
    const f = frameAt();
    return f !== null && f.code.co.co_localsplusnames[index] === name ? f : null;
  };
  const watch: BindingWatch = {
    kind: 'binding',
    id,
    name,
    alive: () => holder() !== null,
    read: () => {
      const f = holder();
      if (f !== frame) {
        frame = f;
        watch.last = null;
      }
      const slot = f === null ? null : f.fast[index];
      return slot instanceof PyCell ? slot.contents : slot;
    },
    last: null,
  };
  return watch;
}

/** A watch on `name` in a namespace dict (module globals, a class body's namespace). */
export function dictBindingWatch(id: string, name: string, dict: PyDict): BindingWatch {
  const read = () => dict.getStr(name) ?? null;
  return { kind: 'binding', id, name, read, alive: () => true, last: read() };
}

/** The watches whose value changed since they were last seen (updating what they remember). */
export function changedWatches(watches: readonly DataWatch[]): { ids: string[]; description: string } | null {
  const ids: string[] = [];
  const texts: string[] = [];
  for (const w of watches) {
    if (w.kind === 'address') {
      let o = w.object;
      if (o === null || o.ob_refcnt <= 0 || hexAddress(o) !== w.address) w.object = o = w.find();
      const now = o === null ? 0 : o.ob_refcnt;
      if (now === w.last) continue;
      texts.push(`ob_refcnt at ${w.address}: ${w.last} → ${now}`);
      w.last = now;
      ids.push(w.id);
    } else if (w.kind === 'refcount') {
      if (w.freed) continue;
      const now = w.object.ob_refcnt;
      if (now === w.last) continue;
      const what = `${qualifiedTypeName(w.object.ob_type)} object at ${hexAddress(w.object)}`;
      if (now <= 0) {
        w.freed = true;
        texts.push(`${what} was freed (ob_refcnt ${w.last} → 0)`);
      } else texts.push(`ob_refcnt of ${what}: ${w.last} → ${now}`);
      w.last = now;
      ids.push(w.id);
    } else {
      if (!w.alive()) continue;
      const now = w.read();
      if (now === w.last) continue;
      const describe = (v: PyObject | null) => (v === null ? 'unbound' : `${qualifiedTypeName(v.ob_type)} object at ${hexAddress(v)}`);
      texts.push(`${w.name} rebound: ${describe(w.last)} → ${describe(now)}`);
      w.last = now;
      ids.push(w.id);
    }
  }
  return ids.length === 0 ? null : { ids, description: texts.join('; ') };
}

/** Re-read every watch's value (after the user changed something while stopped, or after a replay). */
export function resetWatches(watches: readonly DataWatch[]): void {
  for (const w of watches) {
    if (w.kind === 'refcount') {
      w.last = w.object.ob_refcnt;
      w.freed = w.last <= 0;
    } else if (w.kind === 'address') w.last = w.object === null ? 0 : w.object.ob_refcnt;
    else w.last = w.alive() ? w.read() : null;
  }
}
