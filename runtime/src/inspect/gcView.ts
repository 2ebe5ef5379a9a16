// The cyclic GC as tools see it: per-generation counts, thresholds and objects, the
// collections so far and the last ones' results, gc.garbage, an object's generation, its
// referents and referrers, and a start/stop event hook.
//
// Invariants: reading never changes a refcount or a count the program can observe (no Python
// runs, no object is allocated: referents come from tp_traverse, which only reads fields);
// `onGcEvent` costs nothing while no one listens (the collector loops over an empty array).

import type { PyObject } from '../objects/pyobject';
import { gcState as runState, gcListeners, referentsOf, referrersOf, type GcCollectionRecord } from '../memory/gc/pyGc';
import { NUM_GENERATIONS } from '../memory/gc/collector';

export type { GcCollectionRecord } from '../memory/gc/pyGc';

export interface GcGenerationView {
  /** 0, 1 or 2. */
  index: number;
  /** gc.get_count()[index]. */
  count: number;
  /** gc.get_threshold()[index]. */
  threshold: number;
  /** Objects tracked in this generation now. */
  objects: number;
}

export interface GcStateView {
  enabled: boolean;
  /** gc.get_debug() flags. */
  debug: number;
  generations: GcGenerationView[];
  /** Objects moved out of the generations by gc.freeze(). */
  permanent: number;
  /** gc.get_stats(): per generation, collections / collected / uncollectable so far. */
  stats: { collections: number; collected: number; uncollectable: number }[];
  /** Collections in this run (automatic and gc.collect()). */
  collections: number;
  /** The last collections, oldest first (at most 32). */
  recent: GcCollectionRecord[];
  /** len(gc.garbage). */
  garbage: number;
  /** The full-collection rule: gen 2 is collected only when pending > total / 4. */
  longLived: { total: number; pending: number };
}

/** Where an object is for the collector. */
export type GcGenerationOf = 0 | 1 | 2 | 'permanent' | 'collecting' | 'untracked';

/** A snapshot of the collector's state. */
export function gcStateView(): GcStateView {
  const s = runState();
  const c = s.collector;
  const counts = c.getCount();
  const thresholds = c.getThreshold();
  const sizes = c.generationSizes();
  const generations: GcGenerationView[] = [];
  for (let i = 0; i < NUM_GENERATIONS; i++) {
    generations.push({ index: i, count: counts[i], threshold: thresholds[i], objects: sizes[i] });
  }
  return {
    enabled: c.isEnabled(),
    debug: c.getDebug(),
    generations,
    permanent: c.getFreezeCount(),
    stats: c.getStats(),
    collections: s.collections,
    recent: s.history.map((r) => ({ ...r })),
    garbage: s.garbage.items.length,
    longLived: c.longLived(),
  };
}

/** The generation `obj` is tracked in, or 'untracked' (atoms, exact dicts of atoms, atomic tuples after a collection...). */
export function gcGenerationOf(obj: PyObject): GcGenerationOf {
  const g = runState().collector.generationOf(obj);
  if (g === null) return 'untracked';
  return g as GcGenerationOf;
}

/** The objects of one generation (borrowed, list order: oldest tracked first). At most `limit`. */
export function gcObjects(generation: number, limit = Infinity): PyObject[] {
  const all = runState().collector.getObjects(generation);
  return all.length > limit ? all.slice(0, limit) : all;
}

/** gc.get_referents(obj) without running Python or touching refcounts (borrowed). */
export function gcReferents(obj: PyObject): PyObject[] {
  return referentsOf(obj);
}

/** gc.get_referrers(obj): tracked containers that refer to obj (borrowed). */
export function gcReferrers(obj: PyObject): PyObject[] {
  return referrersOf([obj]);
}

/** The objects in gc.garbage (borrowed). */
export function gcGarbage(): PyObject[] {
  return runState().garbage.items.slice();
}

export interface GcEvent {
  phase: 'start' | 'stop';
  generation: number;
  /** 0 at 'start'. */
  collected: number;
  uncollectable: number;
  /** Triggered by an allocation rather than gc.collect(). */
  automatic: boolean;
}

/** Listen to collections (start and stop with results). Returns the unsubscribe function. */
export function onGcEvent(listener: (e: GcEvent) => void): () => void {
  const l = (phase: 'start' | 'stop', info: { generation: number; collected: number; uncollectable: number }, automatic: boolean) =>
    listener({ phase, generation: info.generation, collected: info.collected, uncollectable: info.uncollectable, automatic });
  gcListeners.push(l);
  return () => {
    const i = gcListeners.indexOf(l);
    if (i >= 0) gcListeners.splice(i, 1);
  };
}
