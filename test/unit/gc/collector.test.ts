// CPython 3.11's cyclic GC model against CPython itself: every expected value
// comes from test/unit/gc/expected.json, written by scripts/gen-gc-expected.py
// under CPython 3.11. Each pattern is rebuilt here on a fake heap (nodes with
// refcounts and strong edges) that plays the runtime's part.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CyclicGC, DEBUG_COLLECTABLE, DEBUG_SAVEALL, DEBUG_STATS, DEBUG_UNCOLLECTABLE, GcHost, GcValueError } from "../../../runtime/src/memory/gc";

const expected = JSON.parse(readFileSync(join(__dirname, "expected.json"), "utf8"));
const P = expected.patterns;

type Kind = "instance" | "tuple" | "dict" | "weakref" | "list" | "function" | "cell";

class Obj {
  gc_head: unknown = null;
  refcnt = 1; // the creator's reference (a local variable in the Python pattern)
  edges: Obj[] = [];
  weakrefs: Obj[] = []; // weakrefs to this object, list order
  referent: Obj | null = null; // for a weakref
  callback: ((wr: Obj) => void) | null = null; // for a weakref: JS side of its callback
  del: ((self: Obj) => void) | null = null;
  finalized = false;
  freed = false;
  legacy = false; // a tp_del
  type = "C";
  constructor(
    readonly id: number,
    readonly kind: Kind,
    readonly name: string,
  ) {}
}

/** A fake runtime: refcounting, deallocation, tp_clear, free lists. */
class Heap implements GcHost<Obj> {
  readonly gc: CyclicGC<Obj>;
  next = 1;
  stderr = "";
  garbage: Obj[] = [];
  tupleFreelist: Obj[] = [];
  callbackLog: string[] = [];
  invokeCallbacks?: GcHost<Obj>["invokeCallbacks"];
  constructor() {
    this.gc = new CyclicGC<Obj>(this);
  }
  /** A fresh container (gcAlloc + track), held by one local reference. */
  make(kind: Kind = "instance", name = ""): Obj {
    const o = new Obj(this.next++, kind, name);
    this.gc.gcAlloc();
    this.gc.track(o);
    return o;
  }
  link(from: Obj, to: Obj): void {
    from.edges.push(to);
    to.refcnt++;
  }
  unlink(from: Obj, to: Obj): void {
    const i = from.edges.indexOf(to);
    assert.ok(i >= 0);
    from.edges.splice(i, 1);
    this.decref(to);
  }
  weakref(referent: Obj, cb: ((wr: Obj) => void) | null, cbFunction: Obj | null): Obj {
    const w = this.make("weakref");
    w.referent = referent;
    w.callback = cb;
    if (cbFunction) this.link(w, cbFunction);
    // weakrefobject.c: the basic ref (no callback) stays at the head; a ref
    // with a callback is inserted right after it, so newer ones come first
    if (cb) referent.weakrefs.splice(referent.weakrefs[0]?.callback === null ? 1 : 0, 0, w);
    else referent.weakrefs.unshift(w);
    return w;
  }
  incref(o: Obj): void {
    assert.ok(!o.freed, "incref of a freed object");
    o.refcnt++;
  }
  decref(o: Obj): void {
    assert.ok(o.refcnt > 0 && !o.freed, `decref of dead ${o.kind} ${o.name}`);
    if (--o.refcnt === 0) this.dealloc(o);
  }
  private dealloc(o: Obj): void {
    if (o.del && !o.finalized) {
      // PyObject_CallFinalizerFromDealloc: temporarily resurrect
      o.refcnt = 1;
      o.finalized = true;
      o.del(o);
      if (--o.refcnt > 0) return;
    }
    this.gc.untrack(o);
    this.clearWeakrefsTo(o).forEach((w) => this.callWeakrefCallback(w, false));
    if (o.referent) this.detachWeakref(o);
    const edges = o.edges;
    o.edges = [];
    o.freed = true;
    for (const e of edges) this.decref(e);
    if (o.kind === "tuple" && this.tupleFreelist.length < 2000) {
      this.tupleFreelist.push(o); // no PyObject_GC_Del: count0 unchanged
      return;
    }
    this.gc.gcFree(o);
  }
  private detachWeakref(w: Obj): void {
    const r = w.referent!;
    r.weakrefs.splice(r.weakrefs.indexOf(w), 1);
    w.referent = null;
  }
  /* ----- GcHost ----- */
  refcount(o: Obj): number {
    return o.refcnt;
  }
  traverse(o: Obj, visit: (ref: Obj) => void): void {
    for (const e of o.edges) visit(e);
  }
  hasFinalizer(o: Obj): boolean {
    return o.del !== null;
  }
  finalize(o: Obj): void {
    this.incref(o);
    o.del!(o);
    this.decref(o);
  }
  clear(o: Obj): void {
    this.incref(o);
    const edges = o.edges;
    o.edges = [];
    for (const e of edges) this.decref(e);
    this.decref(o);
  }
  isFinalized(o: Obj): boolean {
    return o.finalized;
  }
  setFinalized(o: Obj, value: boolean): void {
    o.finalized = value;
  }
  private mayBeTracked(e: Obj): boolean {
    return e.kind === "tuple" ? this.gc.isTracked(e) : true;
  }
  maybeUntrackTuple(o: Obj): boolean {
    return o.kind === "tuple" && o.edges.every((e) => !this.mayBeTracked(e));
  }
  maybeUntrackDict(o: Obj): boolean {
    return o.kind === "dict" && this.gc.isTracked(o) && o.edges.every((e) => !this.mayBeTracked(e));
  }
  clearIfWeakref(o: Obj): void {
    if (o.referent) this.detachWeakref(o);
  }
  clearWeakrefsTo(o: Obj): Obj[] {
    const out: Obj[] = [];
    for (const w of [...o.weakrefs]) {
      this.detachWeakref(w);
      if (w.callback) out.push(w);
    }
    return out;
  }
  callWeakrefCallback(wr: Obj, release = true): void {
    this.callbackLog.push("cb");
    wr.callback!(wr);
    if (release) this.decref(wr);
  }
  appendGarbage(o: Obj): void {
    this.incref(o);
    this.garbage.push(o);
  }
  clearFreelists(): void {
    const list = this.tupleFreelist;
    this.tupleFreelist = [];
    for (const t of list) this.gc.gcFree(t);
  }
  typeName(o: Obj): string {
    return o.kind === "instance" ? o.type : o.kind;
  }
  hasLegacyFinalizer(o: Obj): boolean {
    return o.legacy;
  }
  address(o: Obj): number {
    return 0x7f0000000000 + o.id * 64;
  }
  writeStderr(text: string): void {
    this.stderr += text;
  }
}

function cycle(h: Heap, ...objs: Obj[]): void {
  objs.forEach((o, i) => h.link(o, objs[(i + 1) % objs.length]));
}

const normalise = (s: string) => s.replace(/0x[0-9a-f]+/g, "0xADDR");

describe("gc model: cycle patterns (CPython 3.11 gc.collect() results)", () => {
  it("a self-referencing object", () => {
    const h = new Heap();
    const a = h.make();
    h.link(a, a);
    h.decref(a);
    assert.equal(h.gc.collect(), P.self_cycle.collect);
    assert.ok(a.freed);
  });

  it("a two-node cycle", () => {
    const h = new Heap();
    const a = h.make();
    const b = h.make();
    cycle(h, a, b);
    h.decref(a);
    h.decref(b);
    assert.equal(h.gc.collect(), P.two_cycle.collect);
    assert.ok(a.freed && b.freed);
    assert.equal(h.gc.getObjects().length, 0);
  });

  it("a cycle with a chain hanging off it", () => {
    const h = new Heap();
    const [a, b, c, d, e] = [1, 2, 3, 4, 5].map(() => h.make());
    cycle(h, a, b, c);
    h.link(c, d);
    h.link(d, e);
    [a, b, c, d, e].forEach((o) => h.decref(o));
    assert.equal(h.gc.collect(), P.cycle_with_chain.collect);
    assert.ok([a, b, c, d, e].every((o) => o.freed));
  });

  it("a cycle reachable from outside is kept until released", () => {
    const h = new Heap();
    const a = h.make();
    const b = h.make();
    cycle(h, a, b);
    const holder = h.make();
    h.link(holder, a);
    h.decref(a);
    h.decref(b);
    assert.equal(h.gc.collect(), P.cycle_reachable_from_outside.collect);
    assert.ok(!a.freed && h.gc.isTracked(a));
    h.decref(holder);
    assert.equal(h.gc.collect(), P.cycle_reachable_from_outside.after_release);
  });

  it("__del__ on every member of a cycle: collected, finalizers in list order", () => {
    const h = new Heap();
    const log: string[] = [];
    const [a, b, c] = ["a", "b", "c"].map((n) => {
      const o = h.make("instance", n);
      o.del = (self) => log.push(self.name);
      return o;
    });
    cycle(h, a, b, c);
    [a, b, c].forEach((o) => h.decref(o));
    assert.equal(h.gc.collect(), P.finalizers.collect);
    assert.deepEqual(log, P.finalizers.order);
  });

  it("__del__ on an object hanging off a cycle", () => {
    const h = new Heap();
    const log: string[] = [];
    const a = h.make();
    const b = h.make();
    const t = h.make("instance", "t");
    t.del = (self) => log.push(self.name);
    cycle(h, a, b);
    h.link(b, t);
    [a, b, t].forEach((o) => h.decref(o));
    assert.equal(h.gc.collect(), P.finalizer_on_chain.collect);
    assert.deepEqual(log, P.finalizer_on_chain.order);
  });

  function resurrector(h: Heap, name: string, log: string[], saved: Obj) {
    const o = h.make("instance", name);
    o.del = (self) => {
      log.push(self.name);
      h.link(saved, self);
    };
    return o;
  }

  it("resurrection: the resurrected object and what it reaches survive, and __del__ runs once", () => {
    const h = new Heap();
    const log: string[] = [];
    const saved = h.make("list");
    const a = resurrector(h, "a", log, saved);
    const b = h.make();
    cycle(h, a, b);
    h.decref(a);
    h.decref(b);
    assert.equal(h.gc.collect(), P.resurrection.collect);
    assert.equal(saved.edges.length, P.resurrection.saved);
    assert.equal(h.gc.isFinalized(a), P.resurrection.finalized);
    assert.ok(h.gc.isTracked(a) && h.gc.isTracked(b));
    h.unlink(saved, a); // saved.clear()
    assert.equal(h.gc.collect(), P.resurrection.second);
    assert.deepEqual(log, P.resurrection.order);
    assert.ok(a.freed && b.freed);
  });

  it("partial resurrection: only the resurrected cycle survives", () => {
    const h = new Heap();
    const log: string[] = [];
    const saved = h.make("list");
    const a = resurrector(h, "a", log, saved);
    h.link(a, a);
    const b = h.make("instance", "b");
    b.del = (self) => log.push(self.name);
    const c = h.make();
    cycle(h, b, c);
    [a, b, c].forEach((o) => h.decref(o));
    assert.equal(h.gc.collect(), P.partial_resurrection.collect);
    assert.deepEqual(log, P.partial_resurrection.order);
    assert.ok(b.freed && c.freed && !a.freed);
    h.unlink(saved, a);
    assert.equal(h.gc.collect(), P.partial_resurrection.second);
    assert.deepEqual(log, P.partial_resurrection.order, "no second __del__");
  });

  it("generations: a cycle that reached gen1 is invisible to gen0 collections", () => {
    const h = new Heap();
    const old = h.make();
    h.gc.collect();
    const a = h.make();
    const b = h.make();
    cycle(h, a, b);
    h.link(old, a);
    h.decref(a);
    h.decref(b);
    assert.equal(h.gc.collect(0), P.generations.first_gen0);
    assert.equal(h.gc.generationOf(a), 1);
    h.unlink(old, a);
    assert.equal(h.gc.collect(0), P.generations.second_gen0);
    assert.equal(h.gc.collect(1), P.generations.gen1);
  });

  it("a weakref with a callback to a dying cycle: cleared, callback called", () => {
    const h = new Heap();
    const a = h.make();
    const b = h.make();
    cycle(h, a, b);
    const fn = h.make("function"); // the lambda, also held by the frame's constant... kept alive by w
    const w = h.weakref(a, () => {}, fn);
    h.decref(fn);
    h.decref(a);
    h.decref(b);
    assert.equal(h.gc.collect(), P.weakref_callback.collect);
    assert.equal(h.callbackLog.length, P.weakref_callback.calls.length);
    assert.equal(w.referent === null, P.weakref_callback.dead);
  });

  it("weakref callbacks run in unreachable order, newest first per referent", () => {
    const h = new Heap();
    const calls: string[] = [];
    const a = h.make();
    const b = h.make();
    const c = h.make();
    cycle(h, a, b, c);
    const refs: Obj[] = [];
    const ref = (o: Obj, tag: string) => {
      const fn = h.make("function");
      refs.push(h.weakref(o, () => calls.push(tag), fn));
      h.decref(fn);
    };
    ref(a, "a1");
    ref(a, "a2");
    ref(c, "c1");
    ref(b, "b1");
    ref(b, "b2");
    ref(b, "b3");
    [a, b, c].forEach((o) => h.decref(o));
    const ex = P.weakref_callback_order;
    assert.equal(h.gc.collect(), ex.collect);
    assert.deepEqual(calls, ex.calls);
    assert.equal(refs.length, ex.refs);
    assert.ok(refs.every((w) => !w.freed && w.referent === null));
  });

  it("a weakref that is itself garbage never calls back", () => {
    const h = new Heap();
    const cell = h.make("cell"); // `calls`'s cell, held by the frame
    const tuple = h.make("tuple"); // the closure tuple
    h.link(tuple, cell);
    const fn = h.make("function");
    h.link(fn, tuple);
    h.decref(tuple);
    const a = h.make();
    const b = h.make();
    cycle(h, a, b);
    const w = h.weakref(b, () => {}, fn);
    h.decref(fn);
    h.link(a, w);
    h.decref(w);
    h.decref(a);
    h.decref(b);
    assert.equal(h.gc.collect(), P.weakref_in_garbage.collect);
    assert.equal(h.callbackLog.length, P.weakref_in_garbage.calls.length);
    assert.ok(!cell.freed);
  });

  it("a weakref freed by its own callback counts as collected", () => {
    const h = new Heap();
    const holder = h.make("list");
    const fn = h.make("function");
    const a = h.make();
    const b = h.make();
    cycle(h, a, b);
    const w = h.weakref(a, () => h.unlink(holder, w), fn);
    h.decref(fn);
    h.link(holder, w);
    h.decref(w);
    h.decref(a);
    h.decref(b);
    assert.equal(h.gc.collect(), P.weakref_freed_by_callback.collect);
    assert.equal(holder.edges.length, P.weakref_freed_by_callback.holder);
    assert.ok(w.freed);
  });

  it("DEBUG_SAVEALL keeps the garbage in gc.garbage", () => {
    const h = new Heap();
    h.gc.setDebug(DEBUG_SAVEALL);
    const a = h.make();
    const b = h.make();
    cycle(h, a, b);
    h.decref(a);
    h.decref(b);
    assert.equal(h.gc.collect(), P.saveall.collect);
    assert.equal(h.garbage.length, P.saveall.garbage);
    h.gc.setDebug(0);
    h.garbage.splice(0).forEach((o) => h.decref(o));
    assert.equal(h.gc.collect(), P.saveall.after_clear);
  });

  it("callbacks and get_stats for a generation-1 collection", () => {
    const seen: unknown[] = [];
    const h = new Heap();
    h.invokeCallbacks = (phase, info) => seen.push([phase, info.generation, info.collected, info.uncollectable]);
    const before = h.gc.getStats();
    const a = h.make();
    const b = h.make();
    cycle(h, a, b);
    h.decref(a);
    h.decref(b);
    assert.equal(h.gc.collect(1), P.callbacks_and_stats.collect);
    assert.deepEqual(seen, P.callbacks_and_stats.callbacks);
    const after = h.gc.getStats();
    const delta = after.map((s, i) => ({
      collections: s.collections - before[i].collections,
      collected: s.collected - before[i].collected,
      uncollectable: s.uncollectable - before[i].uncollectable,
    }));
    assert.deepEqual(delta, P.callbacks_and_stats.stats_delta);
  });

  it("DEBUG_COLLECTABLE text", () => {
    const h = new Heap();
    h.gc.setDebug(DEBUG_COLLECTABLE);
    const a = h.make();
    const b = h.make();
    cycle(h, a, b);
    h.decref(a);
    h.decref(b);
    assert.equal(h.gc.collect(0), P.debug_collectable.collect);
    assert.equal(normalise(h.stderr), P.debug_collectable.text);
  });

  it("tuples of untracked items are untracked by a collection, in list order", () => {
    const h = new Heap();
    const x = h.make();
    const tAtomic = h.make("tuple"); // (1, "s", 2.5): no GC referents
    const tHolding = h.make("tuple");
    h.link(tHolding, x);
    const tNested = h.make("tuple");
    h.link(tNested, tAtomic);
    const ts = [tAtomic, tHolding, tNested];
    assert.deepEqual(ts.map((t) => h.gc.isTracked(t)), P.tuple_untracking.before);
    h.gc.collect(0);
    assert.deepEqual(ts.map((t) => h.gc.isTracked(t)), P.tuple_untracking.after);
  });

  it("dicts of atomic values are untracked only by a full collection", () => {
    const h = new Heap();
    const d = h.make("dict");
    assert.equal(h.gc.isTracked(d), P.dict_untracking.tracked);
    h.gc.collect(0);
    assert.equal(h.gc.isTracked(d), P.dict_untracking.after_young);
    h.gc.collect(2);
    assert.equal(h.gc.isTracked(d), P.dict_untracking.after_full);
  });

  it("freeze hides garbage from collections until unfreeze", () => {
    const h = new Heap();
    const a = h.make();
    const b = h.make();
    cycle(h, a, b);
    h.decref(a);
    h.decref(b);
    h.gc.freeze();
    assert.equal(h.gc.getFreezeCount(), 2);
    assert.equal(h.gc.collect(), P.freeze.frozen_collect);
    assert.equal(h.gc.getCount()[0], P.freeze.count0);
    h.gc.unfreeze();
    assert.equal(h.gc.collect(), P.freeze.after_unfreeze);
  });

  it("survivors keep list order, tentatively-unreachable ones rejoin at the tail", () => {
    const h = new Heap();
    const x = h.make("instance", "x");
    const y = h.make("instance", "y");
    const z = h.make("instance", "z");
    h.link(z, x);
    h.decref(x);
    h.gc.collect(0);
    assert.deepEqual(
      h.gc.getObjects(1).map((o) => o.name),
      P.survivor_order.gen1,
    );
    void y;
  });

  it("a legacy tp_del makes its cycle and all it reaches uncollectable (DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE)", () => {
    const h = new Heap();
    h.gc.setDebug(DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE);
    const a = h.make();
    a.type = "L";
    a.legacy = true;
    const b = h.make();
    const c = h.make();
    cycle(h, a, b);
    h.link(b, c);
    const d = h.make();
    const e = h.make();
    cycle(h, d, e);
    [a, b, c, d, e].forEach((o) => h.decref(o));
    const before = h.gc.getStats()[2].uncollectable;
    assert.equal(h.gc.collect(), P.legacy_finalizer.collect);
    assert.equal(normalise(h.stderr), P.legacy_finalizer.text);
    assert.deepEqual(h.garbage.map((o) => o.type), P.legacy_finalizer.garbage);
    assert.equal(h.gc.getStats()[2].uncollectable - before, P.legacy_finalizer.uncollectable);
    assert.ok(d.freed && e.freed && !a.freed && !c.freed);
    assert.equal(h.gc.generationOf(c), 2);
  });

  it("allocations by a finalizer count but never nest a collection", () => {
    const h = new Heap();
    const keep = h.make("list");
    const a = h.make("instance", "a");
    a.del = () => {
      for (let i = 0; i < 5; i++) {
        const c = h.make();
        h.link(keep, c);
        h.decref(c);
      }
    };
    h.link(a, a);
    h.decref(a);
    h.gc.setThreshold(3, 10, 10);
    const ex = P.alloc_during_collection;
    assert.equal(h.gc.collect(0), ex.collect);
    assert.deepEqual(h.gc.getCount(), ex.during); // 5 allocations, then a's own PyObject_GC_Del
    assert.equal(keep.edges.length, ex.kept);
    h.make();
    assert.deepEqual(h.gc.getCount(), ex.after);
  });

  it("rejects invalid generations like CPython", () => {
    const h = new Heap();
    assert.throws(() => h.gc.collect(3), (e: unknown) => e instanceof GcValueError && e.message === "invalid generation");
    assert.throws(() => h.gc.getObjects(-1), /cannot be negative/);
    assert.throws(() => h.gc.getObjects(3), /less than the number of available generations \(3\)/);
  });
});

describe("gc model: counts and thresholds (CPython 3.11 gc.get_count() after each allocation)", () => {
  for (const c of expected.counts as { n: number; thresholds: number[]; prefill: number; counts: number[][]; stats: string }[]) {
    it(`thresholds ${c.thresholds.join("/")}, ${c.prefill} long-lived objects, ${c.n} allocations`, () => {
      const h = new Heap();
      // The objects alive before the run, as the first DEBUG_STATS block reports them.
      const m = /objects in each generation: (\d+) (\d+) (\d+)\ngc: objects in permanent generation: (\d+)/.exec(c.stats)!;
      const [g0, g1, g2, perm] = m.slice(1).map(Number);
      const fill = (n: number) => {
        for (let i = 0; i < n; i++) h.make();
      };
      fill(perm);
      h.gc.freeze();
      fill(g2);
      h.gc.collect(2);
      fill(g1);
      h.gc.collect(0);
      fill(g0);
      assert.deepEqual(h.gc.generationSizes(), [g0, g1, g2]);
      h.tupleFreelist.push(new Obj(h.next++, "tuple", "free")); // whatever the free list held: cleared below
      h.stderr = "";
      h.gc.setDebug(DEBUG_STATS);
      h.gc.collect(); // gc.collect() in count_run
      h.gc.setThreshold(c.thresholds[0], c.thresholds[1], c.thresholds[2]);
      const got: number[][] = [];
      for (let i = 0; i < c.n; i++) {
        h.make(); // keep[i] = C()
        got.push(h.gc.getCount()); // gc.get_count() reads, then builds its tuple
        const t = h.tupleFreelist.pop();
        if (t) {
          t.freed = false;
          t.refcnt = 1;
          h.gc.track(t);
        } else {
          const nt = new Obj(h.next++, "tuple", "count");
          h.gc.gcAlloc();
          h.gc.track(nt);
          h.decref(nt); // unpacked into x, y, z and dropped
          continue;
        }
        h.decref(t);
      }
      h.gc.setDebug(0);
      assert.deepEqual(got, c.counts);
      assert.equal(h.stderr, c.stats);
    });
  }

  it("disabled or threshold0 = 0: counts grow without collections; the next allocation after enabling collects", () => {
    const h = new Heap();
    h.gc.setThreshold(3, 10, 10);
    h.gc.disable();
    assert.equal(h.gc.isEnabled(), false);
    for (let i = 0; i < 10; i++) h.make();
    assert.deepEqual(h.gc.getCount(), [10, 0, 0]);
    assert.equal(h.gc.maybeCollect(), null);
    h.gc.enable();
    h.make(); // 11 > 3
    assert.deepEqual(h.gc.getCount(), [0, 1, 0]);
    assert.deepEqual(h.gc.generationSizes(), [1, 10, 0]);
    h.gc.setThreshold(0);
    for (let i = 0; i < 10; i++) h.make();
    assert.deepEqual(h.gc.getCount(), [10, 1, 0]);
    assert.deepEqual(h.gc.getThreshold(), [0, 10, 10]);
    assert.equal(h.gc.collect(1), 0); // an explicit collection still runs
    assert.deepEqual(h.gc.getCount(), [0, 0, 1]);
    assert.deepEqual(h.gc.generationSizes(), [0, 0, 21]);
  });

  it("gen2 is skipped while long_lived_pending < long_lived_total / 4 (the rule, worked by hand)", () => {
    const h = new Heap();
    for (let i = 0; i < 108; i++) h.make();
    h.gc.collect();
    assert.deepEqual(h.gc.longLived(), { total: 108, pending: 0 });
    h.gc.setThreshold(1, 0, 0);
    const pair = () => {
      h.make();
      h.make();
    };
    pair(); // count0 2 > 1: neither gen2 (0) nor gen1 (0) exceed 0, so gen0
    assert.deepEqual(h.gc.getCount(), [0, 1, 0]);
    pair(); // gen1 count 1 > 0: gen1, whose 3 survivors (gen0's 2 + gen1's 1) become pending
    assert.deepEqual(h.gc.getCount(), [0, 0, 1]);
    assert.deepEqual(h.gc.longLived(), { total: 108, pending: 3 });
    // gen2's count exceeds 0 from now on, but pending < 108 / 4 = 27: gen0 and gen1
    // collections alternate, each gen1 collection adding 2 + 2 survivors
    for (let k = 0; k < 10; k++) pair();
    assert.deepEqual(h.gc.getCount(), [0, 0, 6]);
    assert.deepEqual(h.gc.longLived(), { total: 108, pending: 23 });
    pair(); // gen0
    pair(); // gen1: pending 23 + 4 = 27, exactly a quarter
    assert.deepEqual(h.gc.longLived(), { total: 108, pending: 27 });
    pair(); // 27 < 27 is false: now the full collection
    assert.deepEqual(h.gc.getCount(), [0, 0, 0]);
    assert.equal(h.gc.getStats()[2].collections, 2);
    // 138 objects made; the last was allocated by the trigger and tracked after it
    assert.deepEqual(h.gc.longLived(), { total: 137, pending: 0 });
  });
});
