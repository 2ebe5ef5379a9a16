#!/usr/bin/env python3
"""Generate test/unit/random/fixtures/random.json from CPython 3.11's random module.

Each scenario seeds a Random instance, then makes a random mix of calls; every call and its
result is recorded, so the test replays the same calls and must stay in step with CPython.
Floats are written with repr() (exact round trip), big ints as decimal strings.
"""
import json, os, random, sys

assert sys.version_info[:2] == (3, 11), "fixtures must come from CPython 3.11"
OUT = os.path.join(os.path.dirname(__file__), "..", "test", "unit", "random", "fixtures", "random.json")
meta = random.Random(1128)


def num(x):
    if isinstance(x, bool):
        return x
    if isinstance(x, int):
        return x if abs(x) < 2**53 else str(x)
    if isinstance(x, float):
        return repr(x)
    raise TypeError(x)


def random_seed():
    r = meta.random()
    if r < 0.3:
        return ["int", str(meta.randint(0, 1000))]
    if r < 0.5:
        return ["int", str(meta.getrandbits(meta.choice([31, 32, 33, 64, 65, 200, 1000])) * meta.choice([1, -1]))]
    if r < 0.7:
        n = meta.randint(0, 20)
        return ["str", "".join(chr(meta.choice([meta.randint(32, 126), meta.randint(0xa0, 0xd7ff), meta.randint(0x10000, 0x10ffff)])) for _ in range(n))]
    if r < 0.8:
        return ["bytes", bytes(meta.randrange(256) for _ in range(meta.randint(0, 300))).hex()]
    if r < 0.9:
        return ["float", repr(meta.uniform(-1e6, 1e6))]
    return ["int", str(meta.choice([0, 1, -1, 2**32 - 1, 2**32, -2**32]))]


def seeded(seed):
    kind, value = seed
    if kind == "int":
        return random.Random(int(value))
    if kind == "str":
        return random.Random(value)
    if kind == "bytes":
        return random.Random(bytes.fromhex(value))
    return random.Random(float(value))


def weights(n, integral):
    return [meta.randint(0, 5) if integral else meta.uniform(0, 3) for _ in range(n)]


def make_call(rng):
    name = meta.choice(["random", "getrandbits", "randrange", "randint", "choice", "shuffle", "sample", "sampleCounts",
                        "choices", "choicesWeights", "choicesCum", "uniform", "triangular", "normalvariate", "gauss",
                        "lognormvariate", "expovariate", "vonmisesvariate", "gammavariate", "betavariate",
                        "paretovariate", "weibullvariate", "randbytes", "gauss", "randbelowBig"])
    if name == "random":
        return [name, [], num(rng.random())]
    if name == "getrandbits":
        k = meta.choice([0, 1, 5, 31, 32, 33, 52, 53, 54, 63, 64, 65, 100, 500])
        return [name, [k], num(rng.getrandbits(k))]
    if name == "randrange":
        args = meta.choice([
            [meta.randint(1, 100)],
            [meta.randint(-50, 50), meta.randint(51, 500)],
            [meta.randint(-50, 50), meta.randint(60, 500), meta.randint(1, 7)],
            [meta.randint(60, 500), meta.randint(-50, 50), -meta.randint(1, 7)],
            [meta.randint(1, 2**70)],
            [-2**60, 2**60 + meta.randint(0, 1000)],
        ])
        return [name, [num(a) for a in args], num(rng.randrange(*args))]
    if name == "randbelowBig":
        n = meta.getrandbits(meta.choice([54, 64, 128, 300])) + 1
        return ["randrange", [num(n)], num(rng.randrange(n))]
    if name == "randint":
        a = meta.randint(-1000, 1000)
        b = a + meta.choice([0, 1, 2, 10, 1000, 2**40])
        return [name, [a, num(b)], num(rng.randint(a, b))]
    if name == "choice":
        n = meta.randint(1, 3000)
        return [name, [n], rng.choice(range(n))]
    if name == "shuffle":
        n = meta.randint(0, 60)
        x = list(range(n)); rng.shuffle(x)
        return [name, [n], x]
    if name == "sample":
        n = meta.choice([meta.randint(0, 30), meta.randint(0, 2000), 10**6])
        k = meta.randint(0, min(n, 80))
        return [name, [n, k], rng.sample(range(n), k)]
    if name == "sampleCounts":
        n = meta.randint(1, 10)
        counts = [meta.randint(0, 6) for _ in range(n)]
        counts[0] += 1
        k = meta.randint(0, sum(counts))
        return [name, [counts, k], rng.sample(range(n), k, counts=counts)]
    if name == "choices":
        n = meta.randint(1, 50); k = meta.randint(0, 20)
        return [name, [n, k], rng.choices(range(n), k=k)]
    if name == "choicesWeights":
        n = meta.randint(1, 30); k = meta.randint(0, 20)
        w = weights(n, meta.random() < 0.5); w[-1] += 1
        return [name, [n, k, [num(x) for x in w]], rng.choices(range(n), weights=w, k=k)]
    if name == "choicesCum":
        n = meta.randint(1, 30); k = meta.randint(0, 20)
        w = sorted(weights(n, meta.random() < 0.5)); w[-1] += 1
        return [name, [n, k, [num(x) for x in w]], rng.choices(range(n), cum_weights=w, k=k)]
    if name == "uniform":
        a, b = meta.uniform(-100, 100), meta.uniform(-100, 100)
        return [name, [num(a), num(b)], num(rng.uniform(a, b))]
    if name == "triangular":
        args = meta.choice([[], [meta.uniform(-5, 0), meta.uniform(1, 5)], [0.0, 10.0, meta.uniform(0, 10)], [2.0, 2.0, 2.0]])
        return [name, [num(a) for a in args], num(rng.triangular(*args))]
    if name in ("normalvariate", "gauss", "lognormvariate"):
        mu, sigma = meta.uniform(-3, 3), meta.uniform(0.1, 4)
        return [name, [num(mu), num(sigma)], num(getattr(rng, name)(mu, sigma))]
    if name == "expovariate":
        lam = meta.choice([1.0, 0.5, 3.0, -2.0])
        return [name, [num(lam)], num(rng.expovariate(lam))]
    if name == "vonmisesvariate":
        mu, kappa = meta.uniform(0, 6), meta.choice([0.0, 1e-7, 0.5, 4.0, 50.0])
        return [name, [num(mu), num(kappa)], num(rng.vonmisesvariate(mu, kappa))]
    if name == "gammavariate":
        alpha, beta = meta.choice([0.01, 0.3, 0.9, 1.0, 2.5, 20.0, 200.0]), meta.uniform(0.5, 3)
        return [name, [num(alpha), num(beta)], num(rng.gammavariate(alpha, beta))]
    if name == "betavariate":
        alpha, beta = meta.choice([0.3, 1.0, 3.0]), meta.choice([0.5, 1.0, 2.0])
        return [name, [num(alpha), num(beta)], num(rng.betavariate(alpha, beta))]
    if name == "paretovariate":
        alpha = meta.uniform(0.5, 4)
        return [name, [num(alpha)], num(rng.paretovariate(alpha))]
    if name == "weibullvariate":
        alpha, beta = meta.uniform(0.5, 4), meta.uniform(0.5, 4)
        return [name, [num(alpha), num(beta)], num(rng.weibullvariate(alpha, beta))]
    if name == "randbytes":
        n = meta.choice([0, 1, 3, 4, 5, 17])
        return [name, [n], rng.randbytes(n).hex()]
    raise AssertionError(name)


scenarios = []
for _ in range(300):
    seed = random_seed()
    rng = seeded(seed)
    calls = [make_call(rng) for _ in range(meta.choice([5, 20, 60]))]
    scenarios.append({"seed": seed, "calls": calls})

# Full internal states right after seeding, and the state round trip.
states = []
for _ in range(12):
    seed = random_seed()
    rng = seeded(seed)
    states.append({"seed": seed, "state": list(rng.getstate()[1])})
g = random.Random(5)
g.gauss()
version, internal, gauss_next = g.getstate()
after = [g.gauss(), g.random()]
g.setstate((version, internal, gauss_next))
roundtrip = {"seed": ["int", "5"], "gaussNext": repr(gauss_next), "afterRestore": [repr(x) for x in after]}

setstate_cases = []
base_state = random.Random(99).getstate()
variants = [
    ("ok", lambda st: st),
    ("short", lambda st: st[:-1]),
    ("negative", lambda st: (-1,) + st[1:]),
    ("huge", lambda st: (2**64,) + st[1:]),
    ("wide", lambda st: (2**32 + 5,) + st[1:]),
    ("u64max", lambda st: (2**64 - 1,) + st[1:]),
    ("index625", lambda st: st[:-1] + (625,)),
    ("indexNeg", lambda st: st[:-1] + (-1,)),
    ("index624", lambda st: st[:-1] + (624,)),
    ("index0", lambda st: st[:-1] + (0,)),
]
for name, change in variants:
    for version in (3, 2, 4):
        g = random.Random(1)
        internal = change(base_state[1])
        if version == 2:
            internal = tuple(x - 2**32 if i % 7 == 0 and 0 <= x < 2**32 and i < 624 else x for i, x in enumerate(internal))
        try:
            g.setstate((version, internal, 0.25))
            result = {"ok": [repr(g.random()), repr(g.gauss())]}
        except Exception as e:
            result = {"error": type(e).__name__, "message": str(e), "gaussNext": repr(g.gauss_next) if g.gauss_next is not None else None}
        setstate_cases.append([version, [str(x) for x in internal], result])

import warnings
randrange_float_cases = []
for args in [(5.0,), (2.5,), (1, 7.0), (1, 7.5), (0, 10, 2.0), (0, 10, 1.5), (3, 30.0, 3), (1e16,), (-4.0, 4)]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = {"ok": random.Random(0).randrange(*args)}
        except Exception as e:
            result = {"error": type(e).__name__, "message": str(e)}
    randrange_float_cases.append([[repr(a) if isinstance(a, float) else a for a in args], result, [str(w.message) for w in caught]])

version1 = []
for text in ["", "a", "hello", "héllo", "\u4e2d\u6587"]:
    r = random.Random(); r.seed(text, version=1)
    version1.append([text, repr(r.random())])

# libm: CPython's math results (glibc here) and the correctly rounded value, computed with decimal.
from decimal import Decimal as D, getcontext
getcontext().prec = 80


def d_pi():
    # Machin: pi = 16 atan(1/5) - 4 atan(1/239)
    def atan_inv(n):
        x = D(1) / n; x2 = x * x; term = x; total = x; k = 1
        while True:
            term *= -x2; k += 2
            if abs(term) < D(10) ** -85: break
            total += term / k
        return total
    return 16 * atan_inv(5) - 4 * atan_inv(239)


PI = d_pi()


def d_sin_cos(x):
    x = D(x)
    k = (x / (PI / 2)).to_integral_value()
    r = x - k * PI / 2
    t = r; s = r; n = 1
    while abs(t) > D(10) ** -85:
        t = -t * r * r / ((n + 1) * (n + 2)); n += 2; s += t
    t = D(1); c = D(1); n = 0
    while abs(t) > D(10) ** -85:
        t = -t * r * r / ((n + 1) * (n + 2)); n += 2; c += t
    q = int(k) % 4
    return [(s, c), (c, -s), (-s, -c), (-c, s)][q]


def d_acos(x):
    y = D(math.acos(x))
    for _ in range(6):
        s, c = d_sin_cos(y)
        y = y + (c - D(x)) / s if s != 0 else y
    return y


import math
libm = {"log": [], "exp": [], "pow": [], "sin": [], "cos": [], "acos": [],
        "tan": [], "asin": [], "atan": [], "atan2": [], "log10": [], "log2": [], "exp2": [], "cbrt": [], "expm1": [], "log1p": []}


def d_newton_angle(y, x, theta):
    # theta with tan(theta) = y / x, in the quadrant of (x, y)
    t = D(theta)
    for _ in range(5):
        s, c = d_sin_cos(t)
        t += (D(y) * c - D(x) * s) / (D(x) * c + D(y) * s)
    return t


def d_asin(x):
    t = D(math.asin(x))
    for _ in range(6):
        s, c = d_sin_cos(t)
        if c == 0:
            break
        t -= (s - D(x)) / c
    return t


def add_unary(name, x, fn, exact):
    try:
        glibc = fn(x)
    except (ValueError, OverflowError):
        return
    libm[name].append([repr(x), repr(glibc), repr(float(exact()))])
for _ in range(1500):
    x = meta.random() if meta.random() < 0.5 else 10.0 ** meta.uniform(-300, 300)
    if meta.random() < 0.2:
        x = 1 + meta.uniform(-0.2, 0.2)
    if x > 0:
        libm["log"].append([repr(x), repr(math.log(x)), repr(float(D(x).ln()))])
    y = meta.uniform(-745, 709) if meta.random() < 0.5 else meta.uniform(-20, 20)
    libm["exp"].append([repr(y), repr(math.exp(y)), repr(float(D(y).exp()))])
    a, b = meta.uniform(1e-3, 10), meta.uniform(-20, 20)
    if meta.random() < 0.3:
        a, b = 1.0 - meta.random(), -1.0 / meta.uniform(0.5, 4)
    libm["pow"].append([repr(a), repr(b), repr(a ** b), repr(float(D(a) ** D(b)))])
    z = meta.uniform(0, 2 * math.pi) if meta.random() < 0.8 else meta.uniform(-1e5, 1e5)
    s, c = d_sin_cos(z)
    libm["sin"].append([repr(z), repr(math.sin(z)), repr(float(s))])
    libm["cos"].append([repr(z), repr(math.cos(z)), repr(float(c))])
    w = meta.uniform(-1, 1)
    if meta.random() < 0.2:
        w = math.copysign(1 - 10.0 ** meta.uniform(-16, -1), w)
    libm["acos"].append([repr(w), repr(math.acos(w)), repr(float(d_acos(w)))])

for _ in range(800):
    z = meta.uniform(-10, 10) if meta.random() < 0.8 else meta.uniform(-1e5, 1e5)
    add_unary("tan", z, math.tan, lambda: (lambda sc: sc[0] / sc[1])(d_sin_cos(z)))
    w = meta.uniform(-1, 1)
    if meta.random() < 0.2:
        w = math.copysign(1 - 10.0 ** meta.uniform(-16, -1), w)
    add_unary("asin", w, math.asin, lambda: d_asin(w))
    a = meta.uniform(-5, 5) * 10.0 ** meta.randint(-3, 8)
    add_unary("atan", a, math.atan, lambda: d_newton_angle(a, 1.0, math.atan(a)))
    yy, xx = meta.uniform(-10, 10), meta.uniform(-10, 10)
    if meta.random() < 0.2:
        yy *= 10.0 ** meta.randint(-100, 100)
    libm["atan2"].append([repr(yy), repr(xx), repr(math.atan2(yy, xx)), repr(float(d_newton_angle(yy, xx, math.atan2(yy, xx))))])
    v = 10.0 ** meta.uniform(-300, 300)
    if meta.random() < 0.1:
        v = float(10 ** meta.randint(0, 22))
    add_unary("log10", v, math.log10, lambda: D(v).log10())
    add_unary("log2", v, math.log2, lambda: D(v).ln() / D(2).ln())
    e2 = meta.uniform(-1070, 1023) if meta.random() < 0.5 else meta.uniform(-10, 10)
    add_unary("exp2", e2, math.exp2, lambda: D(2) ** D(e2))
    cb = meta.uniform(-1, 1) * 10.0 ** meta.randint(-300, 300)
    add_unary("cbrt", cb, math.cbrt, lambda: (D(abs(cb)).ln() / 3).exp() * (1 if cb > 0 else -1))
    m1 = meta.uniform(-1, 1) * 10.0 ** meta.randint(-20, 2)
    add_unary("expm1", m1, math.expm1, lambda: D(m1).exp() - 1)
    p1 = meta.uniform(-0.999, 1) * 10.0 ** meta.randint(-20, 0) if meta.random() < 0.8 else meta.uniform(0, 1e6)
    add_unary("log1p", p1, math.log1p, lambda: (1 + D(p1)).ln())

hypot_cases = []
for _ in range(1500):
    n = meta.choice([2, 2, 2, 3, 4, 7])
    mag = 10.0 ** meta.randint(-320, 300) if meta.random() < 0.2 else 1.0
    coords = [meta.uniform(-100, 100) * mag for _ in range(n)]
    if meta.random() < 0.1:
        coords = [float(meta.randint(-20, 20)) for _ in range(n)]
    hypot_cases.append([[repr(c) for c in coords], repr(math.hypot(*coords))])
for coords in [[3.0, 4.0], [0.0, 0.0], [float("inf"), float("nan")], [float("nan"), 1.0], [5e-324, 5e-324], [1e308, 1e308], [-0.0], [7.0]]:
    hypot_cases.append([[repr(c) for c in coords], repr(math.hypot(*coords))])
libm["hypot"] = hypot_cases

fsum_cases = []
for _ in range(1500):
    n = meta.choice([0, 1, 2, 3, 5, 10, 30])
    kind = meta.random()
    if kind < 0.4:
        values = [meta.uniform(-1, 1) * 10.0 ** meta.randint(-20, 20) for _ in range(n)]
    elif kind < 0.7:
        values = [meta.choice([1e16, -1e16, 1.0, -1.0, 1e-16, 0.1, 0.2, 0.3, 2.0**53, 1e308, -1e308, 5e-324]) for _ in range(n)]
    else:
        values = [meta.uniform(-1e3, 1e3) for _ in range(n)]
    if meta.random() < 0.05 and n:
        values[meta.randrange(n)] = meta.choice([float("inf"), float("-inf"), float("nan")])
    try:
        result = {"ok": repr(math.fsum(values))}
    except (OverflowError, ValueError) as e:
        result = {"error": type(e).__name__, "message": str(e)}
    fsum_cases.append([[repr(v) for v in values], result])
for values in [[1e-16, 1, 1e16], [float("inf"), float("-inf")], [1e308, 1e308], [1e308, 1e308, -1e308], [float("nan"), float("inf")], [0.1] * 10]:
    try:
        result = {"ok": repr(math.fsum(values))}
    except (OverflowError, ValueError) as e:
        result = {"error": type(e).__name__, "message": str(e)}
    fsum_cases.append([[repr(v) for v in values], result])
libm["fsum"] = fsum_cases

with open(OUT, "w", encoding="utf-8") as f:
    json.dump({"generatedBy": "scripts/gen-random-fixtures.py under CPython " + sys.version.split()[0],
               "scenarios": scenarios, "states": states, "roundtrip": roundtrip, "version1": version1, "libm": libm, "setstate": setstate_cases, "randrangeFloat": randrange_float_cases},
              f, ensure_ascii=True, separators=(",", ":"))
print("scenarios:", len(scenarios), "calls:", sum(len(s["calls"]) for s in scenarios), "states:", len(states))
