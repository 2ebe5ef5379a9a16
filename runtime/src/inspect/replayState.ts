// The process-wide state a replay must start from. The debugger goes back in time by running the
// program again from the start in the same process (debugProgram.ts `seek`); for the replay to
// hand out the same addresses (ids) as the first run, the allocator must be in the state it was in
// when the first run started: same arenas, pools, free blocks and free lists.
//
// heap.ts may offer saveHeapState/restoreHeapState (asked for in .notes/memory-contract.md, D1);
// until then the own fields of its exported allocator objects are deep-copied here: plain data,
// arrays, typed arrays, Maps, Sets and class instances (prototype kept, cycles kept). Python
// objects and functions inside are shared, never copied (a free list holds dead objects that the
// replay will reinitialise, as the first run did). The intern table (objects/str.ts) is put back
// too: a replay must intern — and allocate — the strings the first run interned, at the same moments.

import * as heapModule from '../memory/heap';
import { PyObject } from '../objects/pyobject';
import { saveInternTable } from '../objects/str';

export interface ProcessState {
  restore(): void;
}

type Cloneable = Record<string | symbol, unknown>;

function deepCopy(value: unknown, memo: Map<object, unknown>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof PyObject) return value;
  const seen = memo.get(value);
  if (seen !== undefined) return seen;
  if (ArrayBuffer.isView(value)) {
    const copy = (value as unknown as { slice(): unknown }).slice();
    memo.set(value, copy);
    return copy;
  }
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    memo.set(value, copy);
    for (const v of value) copy.push(deepCopy(v, memo));
    return copy;
  }
  if (value instanceof Map) {
    const copy = new Map();
    memo.set(value, copy);
    for (const [k, v] of value) copy.set(deepCopy(k, memo), deepCopy(v, memo));
    return copy;
  }
  if (value instanceof Set) {
    const copy = new Set();
    memo.set(value, copy);
    for (const v of value) copy.add(deepCopy(v, memo));
    return copy;
  }
  if (value instanceof WeakMap || value instanceof WeakSet) return value;
  const copy = Object.create(Object.getPrototypeOf(value)) as Cloneable;
  memo.set(value, copy);
  for (const key of Reflect.ownKeys(value)) copy[key] = deepCopy((value as Cloneable)[key], memo);
  return copy;
}

/** Copy `target`'s own fields now; `restore` puts copies of them back (the object keeps its identity). */
function fieldsOf(target: object): ProcessState {
  const saved = deepCopy(target, new Map()) as Cloneable;
  return {
    restore() {
      const fresh = deepCopy(saved, new Map()) as Cloneable;
      for (const key of Reflect.ownKeys(target)) if (!(key in fresh)) delete (target as Cloneable)[key];
      for (const key of Reflect.ownKeys(fresh)) (target as Cloneable)[key] = fresh[key];
    },
  };
}

/** The allocator's state and the intern table now (call before the first run's prepareProgram). */
export function captureProcessState(): ProcessState {
  const interned = saveInternTable();
  const heapState = captureHeapState();
  return {
    restore() {
      interned();
      heapState.restore();
    },
  };
}

function captureHeapState(): ProcessState {
  const api = heapModule as unknown as {
    saveHeapState?: () => unknown;
    restoreHeapState?: (s: unknown) => void;
  };
  if (typeof api.saveHeapState === 'function' && typeof api.restoreHeapState === 'function') {
    const s = api.saveHeapState();
    return { restore: () => api.restoreHeapState!(s) };
  }
  const parts: ProcessState[] = [];
  for (const name of ['allocator', 'freeLists', 'heapCounters', 'heap']) {
    const target = (heapModule as unknown as Record<string, unknown>)[name];
    if (typeof target === 'object' && target !== null) parts.push(fieldsOf(target));
  }
  return { restore: () => parts.forEach((p) => p.restore()) };
}
