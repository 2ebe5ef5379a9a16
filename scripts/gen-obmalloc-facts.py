#!/usr/bin/env python3
"""Generate test/unit/memory/fixtures/obmalloc-facts.json from CPython 3.11's id() values.

CPython's own heap is busy, so absolute addresses cannot be compared with the model; what is
recorded are the relationships id() shows, which the model must reproduce for the same
allocation sequence:

- geometry: for N allocations of one request size, the most common gap between consecutive
  ids, the most blocks seen in one 16 KiB pool, the smallest and largest offset of a block in
  its pool, and the gcd of the offsets' differences (the block size);
- sharing: whether objects of two request sizes, allocated alternately, share pools;
- scenarios: sequences of allocations and frees, and which names ended up with equal ids.

Objects are bytes objects: bytes(k) for k >= 2 is a fresh object whose PyObject_Malloc request
is sys.getsizeof(bytes(k)) == 33 + k bytes, with no GC header, so a request size can be chosen
exactly. Also writes debugmallocstats-cpython.txt, a real report, for its format.
"""
import json, math, os, subprocess, sys
from collections import Counter

assert sys.version_info[:2] == (3, 11), "fixtures must come from CPython 3.11"
HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "unit", "memory", "fixtures")
POOL = 16384
HEAD = 33  # sys.getsizeof(b"") - 0: PyBytesObject header + the trailing NUL


def new(request):
    k = request - HEAD
    assert k >= 2
    b = bytes(k)
    assert sys.getsizeof(b) == request
    return b


def geometry(request, n):
    keep = [new(request) for _ in range(n)]
    ids = [id(b) for b in keep]
    deltas = Counter(b - a for a, b in zip(ids, ids[1:]))
    per_pool = Counter(i // POOL for i in ids)
    offsets = sorted({i % POOL for i in ids})
    g = 0
    for o in offsets:
        g = math.gcd(g, o - offsets[0])
    return {
        "request": request, "count": n,
        "modeDelta": deltas.most_common(1)[0][0],
        "maxPerPool": max(per_pool.values()),
        "minOffset": offsets[0], "maxOffset": offsets[-1], "offsetGcd": g,
        "align16": all(i % 16 == 0 for i in ids),
    }


def sharing(a, b, n):
    keep = []
    for _ in range(n):
        keep.append(new(a))
        keep.append(new(b))
    pools_a = {id(x) // POOL for x in keep[0::2]}
    pools_b = {id(x) // POOL for x in keep[1::2]}
    return {"a": a, "b": b, "count": n, "shared": bool(pools_a & pools_b)}


def scenario(ops):
    names = sorted({op[1] for op in ops})
    slot = {name: i for i, name in enumerate(names)}
    live = [None] * len(names)
    ids = {}
    for op in ops:
        if op[0] == "alloc":
            live[slot[op[1]]] = new(op[2])
            ids[op[1]] = id(live[slot[op[1]]])
        else:
            live[slot[op[1]]] = None
    same = sorted([a, b] for a in ids for b in ids if a < b and ids[a] == ids[b])
    return {"ops": ops, "sameId": same}


def A(name, n):
    return ["alloc", name, n]


def F(name):
    return ["free", name]


# Large requests go to glibc malloc: a chunk over the mmap threshold (128 KiB at first) gets its
# own mapping (in the 0x7f... area, 16 bytes into a page); freeing one raises the threshold to its
# size, so the same request afterwards comes from the brk heap (0x55.../0x56...).
def region_scenario(ops):
    live = {}
    out = []
    for op in ops:
        if op[0] == "alloc":
            live[op[1]] = new(op[2])
            i = id(live[op[1]])
            out.append([op[1], "mmap" if i >= 0x7E0000000000 else "brk", i % 4096])
        else:
            del live[op[1]]
    return {"ops": ops, "regions": out}


REGION_OPS = [A("a", 200000), F("a"), A("b", 200000), A("c", 2000), A("d", 5000000)]
if __name__ == "__main__" and sys.argv[1:] == ["--regions"]:
    # A fresh interpreter: the thresholds are still those of a new process.
    print(json.dumps(region_scenario(REGION_OPS)))
    sys.exit(0)


geometries = [geometry(r, 3000) for r in (35, 40, 48, 49, 64, 65, 100, 128, 200, 256, 300, 400, 496, 511, 512)]
geometries += [geometry(r, 200) for r in (513, 600, 1000, 2000, 5000)]


# Real objects: the request is sys.getsizeof (GC header and 3.11's managed-dict pre-header
# included, separate buffers excluded) and id() points past the pre-header: 16 bytes for a GC
# object, 32 for an instance of a class with a managed __dict__, 0 otherwise.
class Plain:
    pass


class Slotted:
    __slots__ = ("x",)


def object_fact(name, preheader, factory, n=3000):
    keep = [factory() for _ in range(n)]
    ids = [id(o) for o in keep]
    deltas = Counter(b - a for a, b in zip(ids, ids[1:]))
    offsets = sorted({i % POOL for i in ids})
    return {"name": name, "getsizeof": sys.getsizeof(keep[0]), "preheader": preheader,
            "modeDelta": deltas.most_common(1)[0][0], "minOffset": offsets[0],
            "maxPerPool": max(Counter(i // POOL for i in ids).values())}


objects = [
    object_fact("object()", 0, object),
    object_fact("float", 0, lambda: float("1.5")),
    object_fact("Plain()", 32, Plain),
    object_fact("Slotted()", 16, Slotted),
    object_fact("[]", 16, lambda: []),
    object_fact("{}", 16, lambda: {}),
    object_fact("(a, b)", 16, lambda: (Plain, Slotted)),
]

sharings = [sharing(a, b, 1500) for a, b in ((35, 48), (48, 49), (36, 47), (100, 112), (112, 113), (497, 512), (496, 497))]

scenarios = [
    [A("x", 100), A("y", 100), A("z", 100), F("x"), F("z"), A("a", 100), A("b", 100)],
    [A("x", 100), F("x"), A("a", 110), A("b", 100)],
    [A("x", 100), F("x"), A("a", 120)],
    [A("x", 40), A("y", 40), F("x"), F("y"), A("a", 200), A("b", 40), A("c", 40)],
    [A("x", 300), A("y", 300), A("z", 300), F("y"), A("a", 310), F("a"), A("b", 290)],
    [A("x", 48), F("x"), A("a", 49), A("b", 36)],
    [A("x", 512), F("x"), A("a", 497)],
    [A("x", 600), F("x"), A("a", 600)],
    [A("x", 2000), F("x"), A("a", 2000)],
]
# A full pool that gets a free block goes to the front of its class's list: free one block in
# each of two full pools, and the next two allocations come back in LIFO order across pools.
fill = [A(f"p{i:03d}", 512) for i in range(200)]
scenarios.append(fill + [F("p020"), F("p140"), A("a", 512), A("b", 512)])
scenarios.append(fill + [F("p140"), F("p020"), F("p021"), A("a", 512), A("b", 512), A("c", 512)])
scenario_results = [scenario(s) for s in scenarios]

# Free lists in front of pymalloc. Kinds: float (base + 0.5), int (a 1-digit int, 28 bytes, no
# free list), tuple<n> (tuple(lst) of a list of length n), list ([]), dict ({}) -- the
# constructors that go through the free lists (dict() and list(x) use tp_alloc and never do).
# Every free list is drained first (objects kept alive), so each scenario starts with them empty.
BASE_FLOAT = 1.25
BASE_INT = 1000
SOURCES = {n: list(range(n)) for n in range(1, 25)}


def make(kind):
    if kind == "float":
        return BASE_FLOAT + 0.5
    if kind == "int":
        return BASE_INT + 1
    if kind == "list":
        return []
    if kind == "dict":
        return {}
    assert kind.startswith("tuple")
    return tuple(SOURCES[int(kind[5:])])


def typed_scenario(ops):
    drained = [make(k) for k in ["float"] * 200 + ["list"] * 100 + ["dict"] * 100 for _ in (0,)]
    drained += [make(f"tuple{n}") for n in range(1, 21) for _ in range(2100)]
    names = sorted({op[1] for op in ops})
    slot = {name: i for i, name in enumerate(names)}
    live = [None] * len(names)
    ids = {}
    for op in ops:
        if op[0] == "alloc":
            live[slot[op[1]]] = make(op[2])
            ids[op[1]] = id(live[slot[op[1]]])
        else:
            live[slot[op[1]]] = None
    del drained
    same = sorted([a, b] for a in ids for b in ids if a < b and ids[a] == ids[b])
    return {"ops": ops, "sameId": same}


floats150 = [A(f"f{i:03d}", "float") for i in range(150)]
typed = [
    [A("f", "float"), A("g", "float"), F("f"), F("g"), A("a", "float"), A("b", "float")],
    [A("t", "tuple2"), F("t"), A("u", "tuple3"), A("v", "tuple2")],
    [A("t", "tuple3"), F("t"), A("u", "tuple2"), A("v", "tuple3")],
    [A("l", "list"), F("l"), A("d", "dict"), A("m", "list")],
    [A("d", "dict"), F("d"), A("e", "dict")],
    floats150 + [F(f"f{i:03d}") for i in range(150)] + [A("n", "int"), A("x", "float"), A("y", "float")],
    [A("t", "tuple21"), F("t"), A("u", "tuple21")],
    [A("t", "tuple21"), F("t"), A("u", "tuple20"), A("v", "tuple22")],
]
typed_results = [typed_scenario(s) for s in typed]


regions = [json.loads(subprocess.run([sys.executable, __file__, "--regions"], capture_output=True, text=True, check=True).stdout)]

os.makedirs(HERE, exist_ok=True)
with open(os.path.join(HERE, "obmalloc-facts.json"), "w") as f:
    json.dump({"geometries": geometries, "sharings": sharings, "scenarios": scenario_results, "freeListScenarios": typed_results, "regionScenarios": regions, "objects": objects}, f, indent=1)
    f.write("\n")

report = subprocess.run([sys.executable, "-c", "import sys; sys._debugmallocstats()"], capture_output=True, text=True).stderr
with open(os.path.join(HERE, "debugmallocstats-cpython.txt"), "w") as f:
    f.write(report)
print("wrote", HERE)
