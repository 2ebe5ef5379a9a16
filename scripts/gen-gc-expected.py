#!/usr/bin/env python3
"""Record CPython 3.11's cyclic GC behaviour for test/unit/gc/.

Writes test/unit/gc/expected.json: gc.get_count() after each allocation under
small thresholds (with the DEBUG_STATS text of every collection), and what
gc.collect() returns, which finalizers and weakref callbacks run, in which
order, for a set of cycle patterns. The unit tests rebuild each pattern on a
fake heap and run the TypeScript model; they never need python3.

Usage: python3 scripts/gen-gc-expected.py   (must be CPython 3.11)
"""
import gc
import io
import json
import os
import re
import sys
import weakref

assert sys.implementation.name == "cpython" and sys.version_info[:2] == (3, 11), sys.version


class C:
    pass


class D:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    def __del__(self):
        self.log.append(self.name)


class R:
    """Resurrects itself into `saved` from __del__."""

    def __init__(self, name, log, saved):
        self.name = name
        self.log = log
        self.saved = saved

    def __del__(self):
        self.log.append(self.name)
        self.saved.append(self)


def normalise(text):
    text = re.sub(r"0x[0-9a-f]+", "0xADDR", text)
    return re.sub(r"\d+\.\d{4}s elapsed", "0.0000s elapsed", text)


def count_run(n, thresholds, prefill):
    """Allocate n instances of C, one a step, reading gc.get_count() after each.

    The only other GC allocation is get_count()'s result tuple when the tuple
    free list is empty (after a full collection cleared it)."""
    keep = [None] * n
    c0 = [0] * n
    c1 = [0] * n
    c2 = [0] * n
    big = [C() for _ in range(prefill)]
    gc.collect()
    gc.set_threshold(*thresholds)
    for i in range(n):
        keep[i] = C()
        x, y, z = gc.get_count()
        c0[i] = x
        c1[i] = y
        c2[i] = z
    gc.set_threshold(700, 10, 10)
    del big
    return [[a, b, c] for a, b, c in zip(c0, c1, c2)]


def count_case(n, thresholds, prefill):
    count_run(n, thresholds, prefill)  # warm up the code (specialisation, interned names)
    buf = io.StringIO()
    old = sys.stderr
    sys.stderr = buf
    gc.set_debug(gc.DEBUG_STATS)
    try:
        counts = count_run(n, thresholds, prefill)
    finally:
        gc.set_debug(0)
        sys.stderr = old
    return {"n": n, "thresholds": list(thresholds), "prefill": prefill, "counts": counts,
            "stats": normalise(buf.getvalue())}


# ----- cycle patterns: each returns what CPython observed -----

def p_self_cycle():
    a = C()
    a.me = a
    del a
    return {"collect": gc.collect()}


def p_two_cycle():
    a, b = C(), C()
    a.b, b.a = b, a
    del a, b
    return {"collect": gc.collect()}


def p_cycle_with_chain():
    a, b, c, d, e = C(), C(), C(), C(), C()
    a.n, b.n, c.n = b, c, a
    c.tail, d.n = d, e
    del a, b, c, d, e
    return {"collect": gc.collect()}


def p_cycle_reachable_from_outside():
    a, b = C(), C()
    a.b, b.a = b, a
    holder = C()
    holder.x = a
    del a, b
    r1 = gc.collect()
    del holder
    r2 = gc.collect()
    return {"collect": r1, "after_release": r2}


def p_finalizers():
    log = []
    a, b, c = D("a", log), D("b", log), D("c", log)
    a.n, b.n, c.n = b, c, a
    del a, b, c
    r = gc.collect()
    return {"collect": r, "order": log}


def p_finalizer_on_chain():
    log = []
    a, b = C(), C()
    t = D("t", log)
    a.b, b.a, b.t = b, a, t
    del a, b, t
    r = gc.collect()
    return {"collect": r, "order": log}


def p_resurrection():
    log, saved = [], []
    a = R("a", log, saved)
    b = C()
    a.b, b.a = b, a
    del a, b
    r1 = gc.collect()
    survivors = len(saved)
    fin = gc.is_finalized(saved[0])
    saved.clear()
    r2 = gc.collect()
    return {"collect": r1, "saved": survivors, "finalized": fin, "order": list(log), "second": r2}


def p_partial_resurrection():
    """Two independent cycles die together; one resurrects, the other does not."""
    log, saved = [], []
    a = R("a", log, saved)
    a.me = a
    b = D("b", log)
    c = C()
    b.c, c.b = c, b
    del a, b, c
    r1 = gc.collect()
    saved.clear()
    r2 = gc.collect()
    return {"collect": r1, "order": list(log), "second": r2}


def p_generations():
    """A cycle kept alive by an old object survives young collections and is
    found by the collection of the generation it has reached."""
    old = C()
    gc.collect()
    a, b = C(), C()
    a.b, b.a = b, a
    old.x = a
    del a, b
    r0 = gc.collect(0)
    del old.x
    r0b = gc.collect(0)
    r1 = gc.collect(1)
    return {"first_gen0": r0, "second_gen0": r0b, "gen1": r1}


def p_weakref_callback():
    calls = []
    a, b = C(), C()
    a.b, b.a = b, a
    w = weakref.ref(a, lambda ref: calls.append("cb"))
    del a, b
    r = gc.collect()
    return {"collect": r, "calls": calls, "dead": w() is None}


def p_weakref_in_garbage():
    calls = []
    a, b = C(), C()
    a.b, b.a = b, a
    a.w = weakref.ref(b, lambda ref: calls.append("cb"))
    del a, b
    r = gc.collect()
    return {"collect": r, "calls": calls}


def p_weakref_freed_by_callback():
    holder = []
    a, b = C(), C()
    a.b, b.a = b, a
    holder.append(weakref.ref(a, lambda ref: holder.clear()))
    del a, b
    r = gc.collect()
    return {"collect": r, "holder": len(holder)}


def p_saveall():
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        a, b = C(), C()
        a.b, b.a = b, a
        del a, b
        r = gc.collect()
        n = len(gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    r2 = gc.collect()
    return {"collect": r, "garbage": n, "after_clear": r2}


def p_callbacks_and_stats():
    seen = []

    def cb(phase, info):
        seen.append([phase, info["generation"], info["collected"], info["uncollectable"]])

    before = gc.get_stats()
    a, b = C(), C()
    a.b, b.a = b, a
    del a, b
    gc.callbacks.append(cb)
    try:
        r = gc.collect(1)
    finally:
        gc.callbacks.remove(cb)
    after = gc.get_stats()
    delta = [{k: after[i][k] - before[i][k] for k in before[i]} for i in range(3)]
    return {"collect": r, "callbacks": seen, "stats_delta": delta}


def p_debug_collectable():
    buf = io.StringIO()
    old = sys.stderr
    sys.stderr = buf
    gc.set_debug(gc.DEBUG_COLLECTABLE)
    try:
        a, b = C(), C()
        a.b, b.a = b, a
        del a, b
        r = gc.collect(0)
    finally:
        gc.set_debug(0)
        sys.stderr = old
    return {"collect": r, "text": normalise(buf.getvalue())}


def p_tuple_untracking():
    x = C()
    t_atomic = tuple([1, "s", 2.5])
    t_holding = tuple([x])
    t_nested = tuple([t_atomic])
    before = [gc.is_tracked(t_atomic), gc.is_tracked(t_holding), gc.is_tracked(t_nested)]
    gc.collect(0)
    after = [gc.is_tracked(t_atomic), gc.is_tracked(t_holding), gc.is_tracked(t_nested)]
    return {"before": before, "after": after}


def p_dict_untracking():
    d = {"a": [], "b": "two"}  # tracked: it once held a list
    d["a"] = 1
    tracked = gc.is_tracked(d)
    gc.collect(0)
    after_young = gc.is_tracked(d)
    gc.collect(2)
    after_full = gc.is_tracked(d)
    return {"tracked": tracked, "after_young": after_young, "after_full": after_full}


def p_freeze():
    gc.collect()
    a, b = C(), C()
    a.b, b.a = b, a
    del a, b
    gc.freeze()
    r_frozen = gc.collect()
    count0 = gc.get_count()[0]
    gc.unfreeze()
    r = gc.collect()
    return {"frozen_collect": r_frozen, "count0": count0, "after_unfreeze": r}


class N:
    def __init__(self, name):
        self.name = name


def p_survivor_order():
    """move_unreachable's tentatively-unreachable objects rejoin at the tail."""
    x, y, z = N("x"), N("y"), N("z")
    z.r = x
    del x
    gc.collect(0)
    return {"gen1": [o.name for o in gc.get_objects(1) if isinstance(o, N)]}


def p_legacy_finalizer():
    """A tp_del (legacy finalizer, only C types have one: _testcapi.with_tp_del)
    makes its cycle and all it reaches uncollectable; only it goes to gc.garbage."""
    from _testcapi import with_tp_del

    @with_tp_del
    class L:
        def __tp_del__(self):
            pass

    a, b, c = L(), C(), C()
    a.b, b.a, b.c = b, a, c
    d, e = C(), C()
    d.e, e.d = e, d
    del a, b, c, d, e
    before = gc.get_stats()[2]["uncollectable"]
    buf = io.StringIO()
    old = sys.stderr
    sys.stderr = buf
    gc.set_debug(gc.DEBUG_COLLECTABLE | gc.DEBUG_UNCOLLECTABLE)
    try:
        r = gc.collect()
    finally:
        gc.set_debug(0)
        sys.stderr = old
    garbage = [type(o).__name__ for o in gc.garbage]
    for o in gc.garbage:
        del o.b  # break the cycle so the test leaves nothing behind
    gc.garbage.clear()
    return {"collect": r, "garbage": garbage, "text": normalise(buf.getvalue()),
            "uncollectable": gc.get_stats()[2]["uncollectable"] - before}


def p_alloc_during_collection():
    """Allocations by a finalizer count, but never start a nested collection;
    the next allocation after it does."""
    keep = []

    class A:
        def __del__(self):
            for _ in range(5):
                keep.append(C())

    a = A()
    a.me = a
    del a
    gc.set_threshold(3, 10, 10)
    try:
        r = gc.collect(0)
        during = gc.get_count()
        x = C()
        after = gc.get_count()
    finally:
        gc.set_threshold(700, 10, 10)
    return {"collect": r, "during": list(during), "after": list(after), "kept": len(keep)}


def p_weakref_callback_order():
    """Callbacks run in unreachable-list order, and per referent in its
    weakref list's order (a new ref with a callback goes to the head)."""
    calls = []
    a, b, c = C(), C(), C()
    a.n, b.n, c.n = b, c, a
    refs = [weakref.ref(a, lambda r: calls.append("a1")), weakref.ref(a, lambda r: calls.append("a2")),
            weakref.ref(c, lambda r: calls.append("c1")), weakref.ref(b, lambda r: calls.append("b1")),
            weakref.ref(b, lambda r: calls.append("b2")), weakref.ref(b, lambda r: calls.append("b3"))]
    del a, b, c
    r = gc.collect()
    return {"collect": r, "calls": calls, "refs": len(refs)}


PATTERNS = [p_weakref_callback_order, p_alloc_during_collection, p_survivor_order, p_legacy_finalizer, p_self_cycle, p_two_cycle, p_cycle_with_chain, p_cycle_reachable_from_outside,
            p_finalizers, p_finalizer_on_chain, p_resurrection, p_partial_resurrection,
            p_generations, p_weakref_callback, p_weakref_in_garbage, p_weakref_freed_by_callback,
            p_saveall, p_callbacks_and_stats, p_debug_collectable, p_tuple_untracking,
            p_dict_untracking]


def fresh_classes():
    """New C, D and R for each pattern: 3.11 instances keep attributes in a
    values array shared through their class's keys, and only materialise a
    (GC-tracked) __dict__ when an instance's insertion order disagrees with
    the class's history. Fresh classes keep every pattern dict-free and
    independent of the patterns run before it."""
    global C, D, R
    C = type("C", (), {})
    D = type("D", (), {"__init__": D.__init__, "__del__": D.__del__})
    R = type("R", (), {"__init__": R.__init__, "__del__": R.__del__})


def main():
    gc.collect()
    patterns = {}
    for p in PATTERNS:
        fresh_classes()
        gc.collect()
        patterns[p.__name__[2:]] = p()
    # freeze moves everything: run it last, without the interpreter's own objects frozen first
    fresh_classes()
    gc.collect()
    patterns["freeze"] = p_freeze()
    gc.unfreeze()
    gc.collect()
    fresh_classes()
    gc.freeze()  # the count runs see only their own objects
    counts = [count_case(60, (3, 1, 1), 0), count_case(60, (5, 2, 2), 0),
              count_case(400, (4, 2, 1), 120), count_case(40, (0, 10, 10), 0)]
    out = {"python": sys.version.split()[0], "patterns": patterns, "counts": counts}
    path = os.path.join(os.path.dirname(__file__), "..", "test", "unit", "gc", "expected.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
