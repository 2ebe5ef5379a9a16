/*
 * CPython 3.11's cyclic garbage collector, as a pure model.
 *
 * Reference counting frees most objects; this module finds the rest: groups of
 * containers that refer to each other and to which nothing outside the group
 * refers. It does not know what an object is. Objects are opaque handles `H`,
 * and everything the collector must learn about one (its refcount, which
 * tracked containers it refers to, whether it has `__del__`) or do to one
 * (finalize it, clear it) goes through the `GcHost` the runtime supplies.
 *
 * Invariants, in the order a collection relies on them:
 *
 * 1. Every tracked container is in exactly one list: generation 0, 1 or 2, the
 *    permanent generation (gc.freeze), or, during a collection, one of the
 *    collection's private lists. Lists are ordered, and the order is CPython's:
 *    track appends to the tail of generation 0, a merge appends a whole list to
 *    the tail of another, and every scan walks head to tail. get_objects(), the
 *    order finalizers run in and the order tp_clear runs in all follow from it.
 *
 * 2. The counts are not list sizes. Generation 0's count is the number of GC
 *    allocations minus GC deallocations since generation 0 was last collected
 *    (never below 0); it moves at allocation (`gcAlloc`), not at track, and a
 *    free-list reuse moves nothing, because CPython's does not. Generation g+1's
 *    count is the number of collections of generation g since g+1 was last
 *    collected. A collection of g zeroes the counts of 0..g and bumps g+1.
 *
 * 3. An allocation that makes count0 exceed threshold0 (with the collector
 *    enabled, threshold0 non-zero and no collection running) collects the
 *    oldest generation whose count exceeds its threshold, before the new
 *    object is tracked. Generation 2 is only chosen when the objects that
 *    reached it since the last full collection (long_lived_pending) are at
 *    least a quarter of those the last full collection left there
 *    (long_lived_total, integer division): this keeps full collections from
 *    making a growing heap quadratic.
 *
 * 4. Reachability is decided from refcounts alone. gc_refs starts as the
 *    refcount (update_refs); every reference from one collected container to
 *    another is subtracted (subtract_refs); what is left over is references
 *    from outside, and anything with outside references, or reachable from
 *    such a thing, survives. move_unreachable does this in one pass: objects
 *    with gc_refs 0 move tentatively to `unreachable`, and are moved back to
 *    the tail of the young list if a later survivor turns out to reach them.
 *
 * 5. Garbage is handled in CPython's phases: tuples of the survivors are
 *    offered for untracking (and dicts in a full collection); survivors move
 *    to the next generation; objects with a legacy tp_del (and all they reach)
 *    are uncollectable and go to gc.garbage; weakrefs to garbage are cleared
 *    and the callbacks of surviving weakrefs run; every finalizer (PEP 442
 *    __del__) runs once per object lifetime; the garbage is analysed again,
 *    because a finalizer may have resurrected some of it, and only what is
 *    still unreachable is cleared. The "collected" number counts that last set
 *    plus weakrefs freed by their callbacks - resurrected objects are not
 *    collected.
 *
 * 6. The host's refcounting keeps running during a collection: a finalizer or
 *    a tp_clear can free objects, which must call `gcFree`, which unlinks them
 *    from whatever list holds them. Every scan here re-reads the next link
 *    after calling out, so an object that vanished mid-scan is simply gone.
 *
 * Wiring it into a runtime (what CPython does where):
 *
 *  - allocating a GC object (PyObject_GC_New/NewVar, type_alloc): `gcAlloc()`
 *    before the object is usable, then `track(o)` where CPython tracks it
 *    (most types at once; dicts only once they hold a value that may be
 *    tracked; tuples at creation). Objects taken from a free list (tuples,
 *    lists, dicts...) skip `gcAlloc` and only `track`.
 *  - PyObject_GC_UnTrack in a dealloc: `untrack(o)`; releasing the memory
 *    (PyObject_GC_Del): `gcFree(o)`. A dealloc that parks the object on a free
 *    list calls only `untrack`. `clearFreelists` must `gcFree` what it drops.
 *  - the gc module maps one to one: collect, enable/disable/isEnabled,
 *    getCount, get/setThreshold, getStats, getObjects, isTracked,
 *    isFinalized, freeze/unfreeze/getFreezeCount, setDebug/getDebug;
 *    gc.garbage and gc.callbacks stay Python lists owned by the runtime, fed
 *    through `appendGarbage` and `invokeCallbacks`.
 */

export const DEBUG_STATS = 1;
export const DEBUG_COLLECTABLE = 2;
export const DEBUG_UNCOLLECTABLE = 4;
export const DEBUG_SAVEALL = 32;
export const DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

export const NUM_GENERATIONS = 3;

/** gc_refs given to a tracked object whose refcount is not positive, so it is never freed. */
const KEEP_ALIVE_REFS = 1 << 20;

/** What the collector asks of the runtime. The first seven are required; the rest default to "absent". */
export interface GcHost<H> {
  /** ob_refcnt. */
  refcount(o: H): number;
  /** tp_traverse: call visit for every referent, repeats included. Non-containers may be visited; they are ignored. */
  traverse(o: H, visit: (ref: H) => void): void;
  /** tp_finalize is present (a Python class with __del__). */
  hasFinalizer(o: H): boolean;
  /**
   * Run tp_finalize. The host holds a temporary reference around the call, as
   * CPython's finalize_garbage does (incref, finalize, decref).
   */
  finalize(o: H): void;
  /** tp_clear (if the type has one), called with a temporary reference held: incref, clear, decref. */
  clear(o: H): void;
  /** PEP 442 flag, kept by the host since it outlives tracking. */
  isFinalized(o: H): boolean;
  setFinalized(o: H, value: boolean): void;
  /** A legacy tp_del (C types only; never true for Python classes in 3.x). */
  hasLegacyFinalizer?(o: H): boolean;
  /** _PyTuple_MaybeUntrack: true when o is a tuple none of whose items may be tracked. */
  maybeUntrackTuple?(o: H): boolean;
  /** _PyDict_MaybeUntrack: true when o is a tracked exact dict with no key or value that may be tracked. */
  maybeUntrackDict?(o: H): boolean;
  /** If o is itself a weakref object, clear it (referent becomes None, callback kept). */
  clearIfWeakref?(o: H): void;
  /**
   * Clear every weakref to o, in o's weakref-list order, and return the
   * cleared weakrefs that have a callback.
   */
  clearWeakrefsTo?(o: H): H[];
  /** Py_INCREF. Used to pin a weakref whose callback will be called. */
  incref?(o: H): void;
  /** Call wr's callback with wr (an exception is unraisable), then Py_DECREF(wr). */
  callWeakrefCallback?(wr: H): void;
  /** Append o to gc.garbage (the list takes a reference). */
  appendGarbage?(o: H): void;
  /** gc.callbacks: the host calls each callback with (phase, info) if the list is non-empty. */
  invokeCallbacks?(phase: "start" | "stop", info: GcInfo): void;
  /** clear_freelists at the end of a full collection (tuple, list, dict... free lists). */
  clearFreelists?(): void;
  /** `%s` of `<%s %p>` in debug_cycle: the type's tp_name. */
  typeName?(o: H): string;
  /** The simulated address, printed as %p. */
  address?(o: H): number | bigint;
  /** PySys_WriteStderr. */
  writeStderr?(text: string): void;
  /** A perf counter in seconds, for the "elapsed" of DEBUG_STATS. Defaults to 0. */
  clock?(): number;
}

export interface GcInfo {
  generation: number;
  collected: number;
  uncollectable: number;
}

export interface GenerationStats {
  collections: number;
  collected: number;
  uncollectable: number;
}

export interface CollectResult {
  collected: number;
  uncollectable: number;
}

/** A ValueError with CPython's message; the host turns it into the Python exception. */
export class GcValueError extends Error {}

/* ---------- intrusive doubly-linked lists ---------- */

interface Node<H> {
  prev: Node<H>;
  next: Node<H>;
  list: GcList<H> | null;
}

interface Head<H> extends Node<H> {
  obj: H;
  /** gc_refs while collecting. */
  refs: number;
  /** PREV_MASK_COLLECTING. */
  collecting: boolean;
  /** NEXT_MASK_UNREACHABLE: tentatively in move_unreachable's unreachable list. */
  unreachable: boolean;
}

class GcList<H> {
  readonly sentinel: Node<H>;
  size = 0;
  constructor(readonly name: string) {
    const s = { list: null } as unknown as Node<H>;
    s.prev = s;
    s.next = s;
    this.sentinel = s;
  }
  first(): Head<H> | null {
    const n = this.sentinel.next;
    return n === this.sentinel ? null : (n as Head<H>);
  }
  nextOf(h: Node<H>): Head<H> | null {
    const n = h.next;
    return n === this.sentinel ? null : (n as Head<H>);
  }
  isEmpty(): boolean {
    return this.size === 0;
  }
  append(h: Head<H>): void {
    const last = this.sentinel.prev;
    h.prev = last;
    h.next = this.sentinel;
    last.next = h;
    this.sentinel.prev = h;
    h.list = this;
    this.size++;
  }
  /** Append every node of `from` to this list's tail; `from` ends empty. */
  merge(from: GcList<H>): void {
    if (from === this || from.isEmpty()) return;
    for (let n = from.sentinel.next; n !== from.sentinel; n = n.next) n.list = this;
    const first = from.sentinel.next;
    const last = from.sentinel.prev;
    const tail = this.sentinel.prev;
    tail.next = first;
    first.prev = tail;
    last.next = this.sentinel;
    this.sentinel.prev = last;
    this.size += from.size;
    from.sentinel.next = from.sentinel;
    from.sentinel.prev = from.sentinel;
    from.size = 0;
  }
  *[Symbol.iterator](): IterableIterator<Head<H>> {
    for (let n = this.sentinel.next; n !== this.sentinel; n = n.next) yield n as Head<H>;
  }
}

function unlink<H>(h: Head<H>): void {
  const list = h.list;
  if (!list) return;
  h.prev.next = h.next;
  h.next.prev = h.prev;
  list.size--;
  h.list = null;
}

function moveTo<H>(h: Head<H>, to: GcList<H>): void {
  unlink(h);
  to.append(h);
}

/* ---------- the collector ---------- */

interface Generation<H> {
  list: GcList<H>;
  threshold: number;
  count: number;
}

/**
 * What the collector needs of an object handle: one field it owns, where it links the object's
 * list node while the object is tracked (null otherwise). Intrusive, so tracking costs no Map
 * write on the allocation path.
 */
export interface GcLinkable {
  gc_head: unknown;
}

function headOf<H extends GcLinkable>(o: H): Head<H> | null {
  return o.gc_head as Head<H> | null;
}

export class CyclicGC<H extends GcLinkable> {
  private readonly gens: Generation<H>[];
  private readonly permanent = new GcList<H>("permanent");
  private readonly stats: GenerationStats[] = [];
  private enabled = true;
  private collecting = false;
  private debug = 0;
  private longLivedTotal = 0;
  private longLivedPending = 0;

  constructor(private readonly host: GcHost<H>) {
    const thresholds = [700, 10, 10];
    this.gens = thresholds.map((threshold, i) => ({ list: new GcList<H>(`gen${i}`), threshold, count: 0 }));
    for (let i = 0; i < NUM_GENERATIONS; i++) this.stats.push({ collections: 0, collected: 0, uncollectable: 0 });
  }

  /* ----- allocation and tracking (what the runtime calls) ----- */

  /**
   * _PyObject_GC_Link: a GC object was just allocated (not from a free list).
   * Counts it and may run a collection, before the caller tracks the new
   * object. Returns the collection's result, if one ran.
   */
  gcAlloc(): number | null {
    this.gens[0].count++;
    return this.maybeCollect();
  }

  /**
   * The trigger of _PyObject_GC_Link without the count: if count0 exceeds a
   * non-zero threshold0, the collector is enabled and idle, run
   * collect_generations. Returns its result, or null if nothing ran.
   */
  maybeCollect(): number | null {
    const g0 = this.gens[0];
    if (g0.count > g0.threshold && this.enabled && g0.threshold !== 0 && !this.collecting) {
      this.collecting = true;
      try {
        return this.collectGenerations();
      } finally {
        this.collecting = false;
      }
    }
    return null;
  }

  /** _PyObject_GC_TRACK: link o at the tail of generation 0. */
  track(o: H): void {
    if (o.gc_head !== null && o.gc_head !== undefined) return;
    const h: Head<H> = {
      obj: o,
      refs: 0,
      collecting: false,
      unreachable: false,
      prev: null as unknown as Node<H>,
      next: null as unknown as Node<H>,
      list: null,
    };
    o.gc_head = h;
    this.gens[0].list.append(h);
  }

  /** gcAlloc then track: a container created fresh (no free list). */
  trackNew(o: H): number | null {
    const r = this.gcAlloc();
    this.track(o);
    return r;
  }

  /** PyObject_GC_UnTrack: unlink o from its list (no count change). No-op if untracked. */
  untrack(o: H): void {
    const h = headOf(o);
    // A node in no list is a host's marker for "never tracked" (kept as is).
    if (!h || h.list === null) return;
    unlink(h);
    o.gc_head = null;
  }

  /**
   * PyObject_GC_Del: a GC object's memory is released (not kept on a free
   * list). Unlinks it if still tracked and decrements count0 if positive.
   */
  gcFree(o: H): void {
    this.untrack(o);
    if (this.gens[0].count > 0) this.gens[0].count--;
  }

  /** Another name for gcFree, after what the runtime's dealloc path does with it. */
  untrackOnDealloc(o: H): void {
    this.gcFree(o);
  }

  /* ----- the gc module's surface ----- */

  /** gc.collect(generation=2). */
  collect(generation = NUM_GENERATIONS - 1): number {
    if (!Number.isInteger(generation) || generation < 0 || generation >= NUM_GENERATIONS) {
      throw new GcValueError("invalid generation");
    }
    if (this.collecting) return 0;
    this.collecting = true;
    try {
      return this.collectWithCallback(generation);
    } finally {
      this.collecting = false;
    }
  }

  /** _PyGC_CollectNoFail: a collection at interpreter exit, whether or not the collector is enabled, without gc.callbacks. */
  collectNoCallbacks(generation = NUM_GENERATIONS - 1): number {
    if (this.collecting) return 0;
    this.collecting = true;
    try {
      const r = this.collectMain(generation);
      return r.collected + r.uncollectable;
    } finally {
      this.collecting = false;
    }
  }

  enable(): void {
    this.enabled = true;
  }
  disable(): void {
    this.enabled = false;
  }
  isEnabled(): boolean {
    return this.enabled;
  }
  isCollecting(): boolean {
    return this.collecting;
  }
  setDebug(flags: number): void {
    this.debug = flags;
  }
  getDebug(): number {
    return this.debug;
  }
  getCount(): [number, number, number] {
    return [this.gens[0].count, this.gens[1].count, this.gens[2].count];
  }
  getThreshold(): [number, number, number] {
    return [this.gens[0].threshold, this.gens[1].threshold, this.gens[2].threshold];
  }
  /** gc.set_threshold(threshold0[, threshold1[, threshold2]]). */
  setThreshold(t0: number, t1?: number, t2?: number): void {
    this.gens[0].threshold = t0;
    if (t1 !== undefined) this.gens[1].threshold = t1;
    if (t2 !== undefined) this.gens[2].threshold = t2;
  }
  /** gc.get_stats(): a copy, one entry per generation. */
  getStats(): GenerationStats[] {
    return this.stats.map((s) => ({ ...s }));
  }
  isTracked(o: H): boolean {
    const h = headOf(o);
    return h !== null && h !== undefined && h.list !== null;
  }
  /** gc.is_finalized(o) for a GC object. */
  isFinalized(o: H): boolean {
    return this.host.isFinalized(o);
  }
  /** gc.get_objects(generation=None), in list order (the caller drops its own result list). */
  getObjects(generation: number | null = null): H[] {
    if (generation !== null) {
      if (generation >= NUM_GENERATIONS) {
        throw new GcValueError(
          `generation parameter must be less than the number of available generations (${NUM_GENERATIONS})`,
        );
      }
      if (generation < 0) throw new GcValueError("generation parameter cannot be negative");
      return [...this.gens[generation].list].map((h) => h.obj);
    }
    const out: H[] = [];
    for (const g of this.gens) for (const h of g.list) out.push(h.obj);
    return out;
  }
  /** Which list o is in: 0, 1, 2, "permanent", "collecting" (a collection's private list) or null (untracked). */
  generationOf(o: H): number | "permanent" | "collecting" | null {
    const h = headOf(o);
    if (!h || !h.list) return null;
    const i = this.gens.findIndex((g) => g.list === h.list);
    if (i >= 0) return i;
    return h.list === this.permanent ? "permanent" : "collecting";
  }
  /** Sizes of the three generation lists (what DEBUG_STATS prints). */
  generationSizes(): [number, number, number] {
    return [this.gens[0].list.size, this.gens[1].list.size, this.gens[2].list.size];
  }
  /** gc.freeze(): every generation joins the permanent one; count0 is zeroed. */
  freeze(): void {
    for (const g of this.gens) {
      this.permanent.merge(g.list);
      this.gens[0].count = 0;
    }
  }
  /** gc.unfreeze(): the permanent generation joins the oldest. */
  unfreeze(): void {
    this.gens[NUM_GENERATIONS - 1].list.merge(this.permanent);
  }
  getFreezeCount(): number {
    return this.permanent.size;
  }
  /**
   * The state a program sees at its first line: what was allocated while the interpreter
   * started is old (generation 2, as after CPython's startup collections) and the counts are
   * CPython's at that point, so `gc.get_count()` and the first automatic collection come when
   * they come under `python3`.
   */
  startProgram(counts: [number, number, number]): void {
    const oldest = this.gens[NUM_GENERATIONS - 1].list;
    for (let i = 0; i < NUM_GENERATIONS - 1; i++) oldest.merge(this.gens[i].list);
    this.longLivedTotal = oldest.size;
    this.longLivedPending = 0;
    for (let i = 0; i < NUM_GENERATIONS; i++) this.gens[i].count = counts[i];
  }

  /** long_lived_total / long_lived_pending, for the debugger. */
  longLived(): { total: number; pending: number } {
    return { total: this.longLivedTotal, pending: this.longLivedPending };
  }

  /* ----- scheduling ----- */

  private collectGenerations(): number {
    for (let i = NUM_GENERATIONS - 1; i >= 0; i--) {
      if (this.gens[i].count > this.gens[i].threshold) {
        if (i === NUM_GENERATIONS - 1 && this.longLivedPending < Math.trunc(this.longLivedTotal / 4)) continue;
        return this.collectWithCallback(i);
      }
    }
    return 0;
  }

  private collectWithCallback(generation: number): number {
    this.host.invokeCallbacks?.("start", { generation, collected: 0, uncollectable: 0 });
    const r = this.collectMain(generation);
    this.host.invokeCallbacks?.("stop", { generation, collected: r.collected, uncollectable: r.uncollectable });
    return r.collected + r.uncollectable;
  }

  /* ----- one collection ----- */

  private write(text: string): void {
    this.host.writeStderr?.(text);
  }

  private debugCycle(msg: string, o: H): void {
    const name = this.host.typeName?.(o) ?? "object";
    const addr = this.host.address?.(o) ?? 0;
    this.write(`gc: ${msg} <${name} 0x${addr.toString(16)}>\n`);
  }

  private collectMain(generation: number): CollectResult {
    let t1 = 0;
    if (this.debug & DEBUG_STATS) {
      this.write(`gc: collecting generation ${generation}...\n`);
      const [a, b, c] = this.generationSizes();
      this.write(`gc: objects in each generation: ${a} ${b} ${c}\n`);
      this.write(`gc: objects in permanent generation: ${this.permanent.size}\n`);
      t1 = this.host.clock?.() ?? 0;
    }

    if (generation + 1 < NUM_GENERATIONS) this.gens[generation + 1].count += 1;
    for (let i = 0; i <= generation; i++) this.gens[i].count = 0;

    for (let i = 0; i < generation; i++) this.gens[generation].list.merge(this.gens[i].list);
    const young = this.gens[generation].list;
    const old = generation < NUM_GENERATIONS - 1 ? this.gens[generation + 1].list : young;

    const unreachable = new GcList<H>("unreachable");
    this.deduceUnreachable(young, unreachable);

    this.untrackTuples(young);
    if (young !== old) {
      if (generation === NUM_GENERATIONS - 2) this.longLivedPending += young.size;
      old.merge(young);
    } else {
      this.untrackDicts(young);
      this.longLivedPending = 0;
      this.longLivedTotal = young.size;
    }

    const finalizers = new GcList<H>("finalizers");
    this.moveLegacyFinalizers(unreachable, finalizers);
    this.moveLegacyFinalizerReachable(finalizers);

    if (this.debug & DEBUG_COLLECTABLE) {
      for (const h of unreachable) this.debugCycle("collectable", h.obj);
    }

    let m = this.handleWeakrefs(unreachable, old);
    this.finalizeGarbage(unreachable);
    const finalUnreachable = new GcList<H>("final_unreachable");
    this.handleResurrectedObjects(unreachable, finalUnreachable, old);

    m += finalUnreachable.size;
    this.deleteGarbage(finalUnreachable, old);

    const n = finalizers.size;
    if (this.debug & DEBUG_UNCOLLECTABLE) {
      for (const h of finalizers) this.debugCycle("uncollectable", h.obj);
    }
    if (this.debug & DEBUG_STATS) {
      const d = (this.host.clock?.() ?? 0) - t1;
      this.write(`gc: done, ${n + m} unreachable, ${n} uncollectable, ${d.toFixed(4)}s elapsed\n`);
    }
    this.handleLegacyFinalizers(finalizers, old);

    if (generation === NUM_GENERATIONS - 1) this.host.clearFreelists?.();

    const s = this.stats[generation];
    s.collections++;
    s.collected += m;
    s.uncollectable += n;
    return { collected: m, uncollectable: n };
  }

  /** update_refs + subtract_refs + move_unreachable. */
  private deduceUnreachable(base: GcList<H>, unreachable: GcList<H>): void {
    for (const h of base) {
      h.refs = this.host.refcount(h.obj);
      h.collecting = true;
      // CPython asserts here. A runtime refcount bug must not make the collector free a live
      // object, so such an object is simply kept (treated as referenced from outside).
      if (h.refs <= 0) h.refs = KEEP_ALIVE_REFS;
    }
    for (const h of base) {
      this.host.traverse(h.obj, (ref) => {
        const r = headOf(ref);
        if (r && r.collecting) r.refs--;
      });
    }
    this.moveUnreachable(base, unreachable);
  }

  private moveUnreachable(young: GcList<H>, unreachable: GcList<H>): void {
    const visitReachable = (ref: H): void => {
      const r = headOf(ref);
      if (!r || !r.collecting) return;
      if (r.unreachable) {
        // Seen with gc_refs 0, but reachable after all: back to young's tail,
        // where the scan will reach it again.
        r.unreachable = false;
        moveTo(r, young);
        r.refs = 1;
      } else if (r.refs === 0) {
        r.refs = 1;
      }
    };
    let prev: Node<H> = young.sentinel;
    let cur = young.nextOf(prev);
    while (cur) {
      if (cur.refs !== 0) {
        // refs < 0 means more internal references were seen than the refcount holds (a
        // runtime refcount bug): CPython would abort; keeping the object alive is the safe side.
        this.host.traverse(cur.obj, visitReachable);
        cur.collecting = false;
        prev = cur;
      } else {
        cur.unreachable = true;
        moveTo(cur, unreachable);
      }
      cur = young.nextOf(prev);
    }
    for (const h of unreachable) h.unreachable = false;
  }

  private untrackTuples(young: GcList<H>): void {
    const f = this.host.maybeUntrackTuple;
    if (!f) return;
    for (let h = young.first(); h; ) {
      const next = young.nextOf(h);
      if (f.call(this.host, h.obj)) this.untrack(h.obj);
      h = next;
    }
  }

  private untrackDicts(young: GcList<H>): void {
    const f = this.host.maybeUntrackDict;
    if (!f) return;
    for (let h = young.first(); h; ) {
      const next = young.nextOf(h);
      if (f.call(this.host, h.obj)) this.untrack(h.obj);
      h = next;
    }
  }

  private moveLegacyFinalizers(unreachable: GcList<H>, finalizers: GcList<H>): void {
    const f = this.host.hasLegacyFinalizer;
    if (!f) return;
    for (let h = unreachable.first(); h; ) {
      const next = unreachable.nextOf(h);
      if (f.call(this.host, h.obj)) {
        h.collecting = false;
        moveTo(h, finalizers);
      }
      h = next;
    }
  }

  private moveLegacyFinalizerReachable(finalizers: GcList<H>): void {
    for (let h = finalizers.first(); h; h = finalizers.nextOf(h)) {
      this.host.traverse(h.obj, (ref) => {
        const r = headOf(ref);
        if (r && r.collecting) {
          moveTo(r, finalizers);
          r.collecting = false;
        }
      });
    }
  }

  private handleWeakrefs(unreachable: GcList<H>, old: GcList<H>): number {
    const host = this.host;
    if (!host.clearWeakrefsTo && !host.clearIfWeakref) return 0;
    const toCall = new GcList<H>("wrcb_to_call");
    // Weakrefs are always tracked in CPython; an untracked one is called after the tracked ones.
    const pendingUntracked: H[] = [];
    for (const h of unreachable) {
      host.clearIfWeakref?.(h.obj);
      const withCallbacks = host.clearWeakrefsTo?.(h.obj) ?? [];
      for (const wr of withCallbacks) {
        const w = headOf(wr);
        if (w && w.collecting) continue; // the weakref is garbage too: its callback never runs
        host.incref?.(wr);
        if (w) moveTo(w, toCall);
        else pendingUntracked.push(wr);
      }
    }
    let freed = 0;
    for (let w = toCall.first(); w; w = toCall.first()) {
      host.callWeakrefCallback?.(w.obj);
      if (toCall.first() === w) moveTo(w, old);
      else freed++;
    }
    for (const wr of pendingUntracked) host.callWeakrefCallback?.(wr);
    return freed;
  }

  private finalizeGarbage(collectable: GcList<H>): void {
    const seen = new GcList<H>("seen");
    for (let h = collectable.first(); h; h = collectable.first()) {
      moveTo(h, seen);
      const o = h.obj;
      if (!this.host.isFinalized(o) && this.host.hasFinalizer(o)) {
        this.host.setFinalized(o, true);
        this.host.finalize(o);
      }
    }
    collectable.merge(seen);
  }

  private handleResurrectedObjects(unreachable: GcList<H>, stillUnreachable: GcList<H>, old: GcList<H>): void {
    for (const h of unreachable) h.collecting = false;
    this.deduceUnreachable(unreachable, stillUnreachable);
    old.merge(unreachable);
  }

  private deleteGarbage(collectable: GcList<H>, old: GcList<H>): void {
    for (let h = collectable.first(); h; h = collectable.first()) {
      const o = h.obj;
      if (this.debug & DEBUG_SAVEALL) this.host.appendGarbage?.(o);
      else this.host.clear(o);
      if (collectable.first() === h) {
        h.collecting = false;
        moveTo(h, old);
      }
    }
  }

  private handleLegacyFinalizers(finalizers: GcList<H>, old: GcList<H>): void {
    const legacy = this.host.hasLegacyFinalizer;
    for (const h of finalizers) {
      if (this.debug & DEBUG_SAVEALL || legacy?.call(this.host, h.obj)) this.host.appendGarbage?.(h.obj);
    }
    old.merge(finalizers);
  }
}
