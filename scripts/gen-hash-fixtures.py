#!/usr/bin/env python3
"""Generate test/unit/hashing/fixtures/hashes.json from CPython 3.11's hash().

Runs itself again under PYTHONHASHSEED=0 (the seed PyXray models), so str/bytes hashes are
the deterministic siphash13 values. Hash values are written as decimal strings (64-bit).
"""
import json, os, random, struct, sys

if os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable] + sys.argv, {**os.environ, "PYTHONHASHSEED": "0"})

assert sys.version_info[:2] == (3, 11), "fixtures must come from CPython 3.11"
rng = random.Random(20261128)
OUT = os.path.join(os.path.dirname(__file__), "..", "test", "unit", "hashing", "fixtures", "hashes.json")


def random_text(max_code_point):
    n = rng.choice([0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, rng.randint(0, 60)])
    chars = []
    for _ in range(n):
        r = rng.random()
        if r < 0.5:
            cp = rng.randint(0x20, 0x7e)
        else:
            cp = rng.randint(0, max_code_point)
        chars.append(chr(cp))
    return "".join(chars)


strs = [random_text(m) for m in [0x7f, 0xff, 0xffff, 0x10ffff] for _ in range(150)]
strs += ["", "a", "ab", "abcdefgh", "abcdefghi", "é", "中文", "\U0001F600", "\ud800", "a\udfff", "\x00"]
str_cases = [[s, str(hash(s))] for s in strs]

bytes_cases = []
for _ in range(300):
    n = rng.choice([0, 1, 7, 8, 9, rng.randint(0, 80)])
    b = bytes(rng.randrange(256) for _ in range(n))
    bytes_cases.append([b.hex(), str(hash(b))])

ints = [0, 1, -1, -2, 2**61 - 2, 2**61 - 1, 2**61, -(2**61 - 1), -(2**61), 2**63, -(2**63), 2**64, 2**53, 2**53 + 1, -(2**53) - 1]
for _ in range(400):
    bits = rng.choice([8, 31, 52, 53, 60, 61, 62, 64, 100, 200, 1000])
    v = rng.getrandbits(bits)
    ints.append(-v if rng.random() < 0.5 else v)
int_cases = [[str(v), str(hash(v))] for v in ints]


def random_double():
    r = rng.random()
    if r < 0.4:
        return struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
    if r < 0.6:
        return rng.uniform(-1e6, 1e6)
    if r < 0.7:
        return float(rng.randint(-2**70, 2**70))
    if r < 0.8:
        return rng.randint(-1000, 1000) / rng.choice([2, 4, 8, 1024, 3, 10])
    return rng.uniform(-1, 1) * 10.0 ** rng.randint(-320, 308)


floats = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 1e300, 5e-324, -5e-324, 2.0**61, 2.0**62, float("inf"), float("-inf"), 2.0**-1074, 1.7976931348623157e308]
floats += [random_double() for _ in range(600)]
float_cases = [[repr(x), str(hash(x))] for x in floats if x == x]

complex_cases = []
for _ in range(200):
    c = complex(rng.choice(floats), rng.choice(floats))
    if c == c:
        complex_cases.append([repr(c.real), repr(c.imag), str(hash(c))])

def random_hashable(depth=0):
    r = rng.random()
    if r < 0.35:
        return rng.randint(-10**6, 10**6) if rng.random() < 0.7 else rng.getrandbits(100)
    if r < 0.6:
        return random_text(0xffff)
    if r < 0.75:
        return random_double()
    if r < 0.85 and depth < 2:
        return tuple(random_hashable(depth + 1) for _ in range(rng.randint(0, 4)))
    return rng.choice([True, False, -1, 0])

tuple_cases = []
for n in list(range(0, 12)) + [rng.randint(0, 40) for _ in range(250)]:
    t = tuple(random_hashable() for _ in range(n))
    tuple_cases.append([[str(hash(x)) for x in t], str(hash(t))])
# Items whose hashes are -1 impossible; include -2 and extremes via ints.
tuple_cases.append([[str(hash(x)) for x in (-1, -2, 2**61 - 2)], str(hash((-1, -2, 2**61 - 2)))])

frozenset_cases = []
for n in list(range(0, 10)) + [rng.randint(0, 60) for _ in range(250)]:
    members = set()
    while len(members) < n:
        members.add(random_hashable())
    fs = frozenset(members)
    frozenset_cases.append([[str(hash(x)) for x in fs], str(hash(fs))])

pointer_cases = [[str(id(None)), str(hash(None))]]
keep = []
for _ in range(100):
    o = object() if rng.random() < 0.5 else float("nan")
    keep.append(o)
    pointer_cases.append([str(id(o)), str(hash(o))])
nan_complex = []
for _ in range(10):
    c = complex(float("nan"), rng.choice([0.0, 1.5, float("nan")]))
    nan_complex.append([repr(c.real), repr(c.imag), str(id(c)), str(hash(c))])

def range_length(r):
    if r.step > 0:
        return max(0, (r.stop - r.start + r.step - 1) // r.step)
    return max(0, (r.start - r.stop - r.step - 1) // (-r.step))


range_cases = []
for _ in range(150):
    start, stop, step = rng.randint(-50, 50), rng.randint(-50, 50), rng.choice([1, 2, 3, -1, -2, 7, 10**20])
    r = range(start, stop, step)
    range_cases.append([str(range_length(r)), str(r.start), str(r.step), str(hash(r))])
for r in [range(0), range(5, 5), range(3, 4), range(3, 4, 9), range(10**30), range(-5, 5, 2)]:
    range_cases.append([str(range_length(r)), str(r.start), str(r.step), str(hash(r))])

class ReturnsHash:
    def __init__(self, value):
        self.value = value

    def __hash__(self):
        return self.value


dunder_cases = []
for v in [0, 1, -1, -2, 2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**64, 2**61 - 1, 2**100, -2**100, 12345678901234567890] + \
        [rng.getrandbits(rng.choice([10, 62, 63, 64, 65, 200])) * rng.choice([1, -1]) for _ in range(100)]:
    dunder_cases.append([str(v), str(hash(ReturnsHash(v)))])

# Set lookups call __eq__ only on equal hashes, in probe order: log every call CPython makes.
class Probe:
    log = []

    def __init__(self, ident, h, group):
        self.ident, self.h, self.group = ident, h, group

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        Probe.log.append([self.ident, other.ident])
        return self.group == other.group


eq_scenarios = []
for _ in range(60):
    universe = []
    for ident in range(rng.choice([6, 12, 30])):
        h = rng.choice([rng.randint(0, 40), rng.randint(0, 3) * 8, rng.getrandbits(62)])
        universe.append((ident, h, rng.randint(0, 8)))
    s_ = set()
    steps = []
    objects = {}
    for _ in range(rng.choice([20, 60])):
        ident, h, group = rng.choice(universe)
        obj = Probe(ident * 1000 + len(steps), h, group)  # a fresh object each time: identity never short-circuits
        op = rng.choice(["add", "add", "discard", "contains"])
        Probe.log = []
        if op == "add":
            s_.add(obj)
            result = None
        elif op == "discard":
            s_.discard(obj)
            result = None
        else:
            result = obj in s_
        steps.append([op, obj.ident, str(h), group, Probe.log, result, [x.ident for x in s_]])
    eq_scenarios.append(steps)

# Dicts: __eq__ calls, order and sys.getsizeof through random histories with Probe and str keys.
def probe_or_str(universe):
    ident, h, group = rng.choice(universe)
    if group < 0:
        return "s%d" % ident
    return Probe(ident * 1000 + rng.randint(0, 999), h, group)


def key_id(k):
    return k if isinstance(k, str) else k.ident


def key_group(k):
    return -1 if isinstance(k, str) else k.group


dict_eq_scenarios = []
for _ in range(80):
    universe = []
    for ident in range(rng.choice([6, 12, 30])):
        h = rng.choice([rng.randint(0, 40), rng.randint(0, 3) * 8, rng.getrandbits(62)])
        universe.append((ident, h, rng.randint(-2, 8)))
    d = {}
    steps = []
    for _ in range(rng.choice([20, 60])):
        op = rng.choice(["set", "set", "set", "get", "del", "popitem", "copy", "update", "setdefault"] if rng.random() < 0.97 else ["clear"])
        Probe.log = []
        extra = None
        if op == "set":
            k = probe_or_str(universe)
            d[k] = len(steps)
            extra = [key_id(k), str(hash(k)), isinstance(k, str), key_group(k)]
        elif op == "setdefault":
            k = probe_or_str(universe)
            returned = d.setdefault(k, len(steps))
            extra = [key_id(k), str(hash(k)), isinstance(k, str), key_group(k), returned]
        elif op == "get":
            k = probe_or_str(universe)
            extra = [key_id(k), str(hash(k)), isinstance(k, str), key_group(k), k in d]
        elif op == "del":
            k = probe_or_str(universe)
            found = k in d
            Probe.log = []
            d.pop(k, None)
            extra = [key_id(k), str(hash(k)), isinstance(k, str), key_group(k), found]
        elif op == "popitem":
            extra = key_id(d.popitem()[0]) if d else None
        elif op == "copy":
            d = d.copy()
        elif op == "update":
            other = {}
            for _ in range(rng.randint(0, 8)):
                other[probe_or_str(universe)] = 0
            Probe.log = []
            d.update(other)
            extra = [[key_id(k), str(hash(k)), isinstance(k, str), key_group(k)] for k in other]
        else:
            d.clear()
        steps.append([op, extra, Probe.log, [key_id(k) for k in d], sys.getsizeof(d)])
    dict_eq_scenarios.append(steps)

import subprocess
seeded_cases = []
samples = ["", "a", "abc", "héllo", "中文字", "\U0001F600x", "the quick brown fox"]
for seed in [1, 2, 42, 12345, 4294967295]:
    out = subprocess.run([sys.executable, "-c", "import json,sys; print(json.dumps([str(hash(s)) for s in json.loads(sys.argv[1])] + [str(hash(b'abc'))]))", json.dumps(samples)],
                         env={**os.environ, "PYTHONHASHSEED": str(seed)}, capture_output=True, text=True, check=True).stdout
    seeded_cases.append([seed, samples, json.loads(out)])

fixtures = {
    "generatedBy": "scripts/gen-hash-fixtures.py under CPython " + sys.version.split()[0] + " with PYTHONHASHSEED=0",
    "hashInfo": {"modulus": str(sys.hash_info.modulus), "algorithm": sys.hash_info.algorithm, "cutoff": sys.hash_info.cutoff},
    "str": str_cases,
    "bytes": bytes_cases,
    "int": int_cases,
    "float": float_cases,
    "complex": complex_cases,
    "complexNan": nan_complex,
    "tuple": tuple_cases,
    "frozenset": frozenset_cases,
    "pointer": pointer_cases,
    "range": range_cases,
    "dunderHash": dunder_cases,
    "setEqCalls": eq_scenarios,
    "dictEqCalls": dict_eq_scenarios,
    "hashSeeds": seeded_cases,
    "noneHash": str(hash(None)),
}
with open(OUT, "w", encoding="utf-8") as f:
    json.dump(fixtures, f, ensure_ascii=True, indent=0)
print("wrote", OUT, {k: len(v) for k, v in fixtures.items() if isinstance(v, list)})


# ---------------------------------------------------------------------------------------------
# Set table order: random operation sequences on real sets, recording list(s) after each step.
# Elements are encoded as "i:<decimal>" (int) or "s:<text>" (str).

def enc(x):
    return ("i:%d" % x) if isinstance(x, int) else "s:" + x


def element_pool():
    kind = rng.random()
    pool = []
    size = rng.choice([5, 10, 20, 40, 80, 200])
    for _ in range(size):
        r = rng.random()
        if r < 0.3:
            pool.append(rng.randint(-3, 3 * size))
        elif r < 0.45:
            pool.append(rng.randint(0, 64) * rng.choice([8, 32, 1024, 2**32, 2**40]))
        elif r < 0.55:
            base = rng.getrandbits(62)
            pool.append(base)
            pool.append(base + (2**61 - 1))  # same hash, not equal
        elif r < 0.6:
            pool += [-1, -2]  # both hash to -2
        elif r < 0.7:
            pool.append(rng.getrandbits(64) - 2**63)
        else:
            pool.append(random_text(rng.choice([0x7f, 0xff, 0xffff, 0x10ffff]))[:6])
    return pool


def run_scenario(n_ops):
    pool = element_pool()
    s = set()
    ops = []
    pick = lambda k: [rng.choice(pool) for _ in range(k)]
    for _ in range(n_ops):
        r = rng.random()
        step = None
        if r < 0.45:
            x = rng.choice(pool); s.add(x); step = ["add", enc(x)]
        elif r < 0.6:
            x = rng.choice(pool); s.discard(x); step = ["discard", enc(x)]
        elif r < 0.68:
            if s:
                x = s.pop(); step = ["pop", enc(x)]
            else:
                continue
        elif r < 0.69:
            s.clear(); step = ["clear"]
        else:
            k = rng.choice([0, 1, 3, 8, 20, 60])
            items = pick(k)
            op = rng.choice(["update", "updateSet", "updateDict", "copy", "or", "and", "sub", "rsub", "xor",
                             "iand", "isub", "ixor", "intersectionList", "differenceUpdateList", "intersectionUpdateList",
                             "fromList", "rand", "rxor", "subDict", "symDiffUpdateList", "symDiffUpdateDict",
                             "symDiffList", "unionList", "differenceList"])
            if op == "update": s.update(items)
            elif op == "updateSet": s.update(set(items))
            elif op == "updateDict": s.update(dict.fromkeys(items))
            elif op == "copy": s = s.copy()
            elif op == "or": s = s | set(items)
            elif op == "and": s = s & set(items)
            elif op == "rand": s = set(items) & s
            elif op == "sub": s = s - set(items)
            elif op == "rsub": s = set(items) - s
            elif op == "xor": s = s ^ set(items)
            elif op == "rxor": s = set(items) ^ s
            elif op == "iand": s &= set(items)
            elif op == "isub": s -= set(items)
            elif op == "ixor": s ^= set(items)
            elif op == "intersectionList": s = s.intersection(items)
            elif op == "differenceUpdateList": s.difference_update(items)
            elif op == "intersectionUpdateList": s.intersection_update(items)
            elif op == "fromList": s = set(items)
            elif op == "subDict": s = s.difference(dict.fromkeys(items))
            elif op == "symDiffUpdateList": s.symmetric_difference_update(items)
            elif op == "symDiffUpdateDict": s.symmetric_difference_update(dict.fromkeys(items))
            elif op == "symDiffList": s = s.symmetric_difference(items)
            elif op == "unionList": s = s.union(items)
            elif op == "differenceList": s = s.difference(items)
            step = [op, [enc(x) for x in items]]
        step.append(sys.getsizeof(s))
        step.append([enc(x) for x in s])
        ops.append(step)
    return ops


set_scenarios = [run_scenario(rng.choice([10, 30, 60])) for _ in range(250)]
# A few long ones that grow big enough for several resizes (and the >50000 growth rule is out of reach
# in a fixture; used*4 growth is what these exercise).
for _ in range(4):
    pool = list(range(-50, 3000, 3)) + [rng.getrandbits(63) for _ in range(1500)]
    s = set(); steps = []
    for x in pool:
        s.add(x)
    order_after_adds = [enc(x) for x in s]
    removed = rng.sample(pool, 1200)
    for x in removed:
        s.discard(x)
    steps.append([[enc(x) for x in pool], order_after_adds, [enc(x) for x in removed], [enc(x) for x in s],
                  [enc(s.pop()) for _ in range(50)], [enc(x) for x in s]])
    set_scenarios.append({"bulk": steps[0]})

with open(os.path.join(os.path.dirname(OUT), "sets.json"), "w", encoding="utf-8") as f:
    json.dump({"generatedBy": fixtures["generatedBy"], "scenarios": set_scenarios}, f, ensure_ascii=True, separators=(",", ":"))
print("set scenarios:", len(set_scenarios), "ops:", sum(len(x) if isinstance(x, list) else 1 for x in set_scenarios))


# ---------------------------------------------------------------------------------------------
# Dict key-table sizes: random histories with sys.getsizeof(d) after each step.

def dict_history():
    d = {}
    steps = []
    universe = ["k%d" % i for i in range(120)] + list(range(120))
    only_str = rng.random() < 0.5
    for _ in range(rng.choice([20, 60, 150])):
        r = rng.random()
        if r < 0.6:
            k = rng.choice(universe[:120] if only_str else universe)
            is_new = k not in d
            d[k] = 0
            steps.append(["set", isinstance(k, str), is_new, sys.getsizeof(d)])
        elif r < 0.8 and d:
            k = rng.choice(list(d))
            del d[k]
            steps.append(["del", sys.getsizeof(d)])
        elif r < 0.83:
            d.clear()
            steps.append(["clear", sys.getsizeof(d)])
        elif r < 0.9:
            d = d.copy()
            steps.append(["copy", sys.getsizeof(d)])
        elif r < 0.95:
            n = rng.randint(0, 15)
            keys = rng.sample(universe[:120] if rng.random() < 0.6 else universe, n)
            d = eval("{" + ",".join("%r: 0" % k for k in keys) + "}")
            steps.append(["literal", [isinstance(k, str) for k in keys], sys.getsizeof(d)])
        else:
            n = rng.randint(0, 40)
            other = {}
            for k in rng.sample(universe, n):
                other[k] = 0
            keys = [[isinstance(k, str), k not in d] for k in other]
            other_steps = [isinstance(k, str) for k in other]
            d.update(other)
            steps.append(["update", other_steps, keys, sys.getsizeof(d)])
    return steps


dict_histories = [dict_history() for _ in range(200)]
with open(os.path.join(os.path.dirname(OUT), "dictsizes.json"), "w", encoding="utf-8") as f:
    json.dump({"generatedBy": fixtures["generatedBy"], "histories": dict_histories}, f, separators=(",", ":"))
print("dict histories:", len(dict_histories), "steps:", sum(map(len, dict_histories)))
