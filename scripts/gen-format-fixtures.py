#!/usr/bin/env python3
"""Generate test/unit/text/fixtures/*.json from CPython 3.11: format() with random values and
random specs, float repr/str, round(), printf-style %, int() and float() parsing.

Every expected value is what CPython returned (or the exception type and message it raised).
Values are tagged: {"i": "<int>"}, {"f": "<float repr>"}, {"s": "<str>"}, {"c": [re, im]}, {"b": bool}.
"""
import json, math, os, random, struct, sys

assert sys.version_info[:2] == (3, 11), "fixtures must come from CPython 3.11"
rng = random.Random(31337)
DIR = os.path.join(os.path.dirname(__file__), "..", "test", "unit", "text", "fixtures")


def outcome(fn):
    try:
        return {"ok": fn()}
    except Exception as e:  # the exception type and message are part of the contract
        return {"error": type(e).__name__, "message": str(e)}


def tag(v):
    if isinstance(v, bool):
        return {"b": v}
    if isinstance(v, int):
        sys.set_int_max_str_digits(0)  # the encoding itself must not hit the limit
        try:
            return {"i": str(v)}
        finally:
            sys.set_int_max_str_digits(4300)
    if isinstance(v, float):
        return {"f": repr(v)}
    if isinstance(v, complex):
        return {"c": [repr(v.real), repr(v.imag)]}
    if isinstance(v, str):
        return {"s": v}
    if isinstance(v, (bytes, bytearray)):
        return {"y": bytes(v).hex()}
    raise TypeError(v)


def random_float():
    r = rng.random()
    if r < 0.2:
        return struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
    if r < 0.35:
        return rng.choice([0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 2.675, 0.125, 0.375, 1e16, 1e15, 1e-4, 1e-5, 9.995, 0.9999999,
                           99.5, 999999.5, 1e22, 1e23, 5e-324, 1.7976931348623157e308, float("inf"), float("-inf"),
                           float("nan"), 123456789.0, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 100.0, 1e100, -1e-100, 12345.6789])
    if r < 0.55:
        return round(rng.uniform(-1e4, 1e4), rng.randint(0, 6))
    if r < 0.7:
        return rng.randint(-10**6, 10**6) / rng.choice([1, 2, 4, 8, 16, 1000, 1024])
    return rng.uniform(-1, 1) * 10.0 ** rng.randint(-30, 30)


def random_int():
    r = rng.random()
    if r < 0.4:
        return rng.randint(-1000, 1000)
    if r < 0.7:
        return rng.randint(-10**12, 10**12)
    if r < 0.8:
        return rng.choice([0, 1, -1, 2**53, 2**53 + 1, -2**63, 2**64, 0x10ffff, 0x110000, 65, 10**30])
    return rng.getrandbits(rng.choice([60, 100, 300, 1100])) * rng.choice([1, -1])


def random_str():
    n = rng.choice([0, 1, 3, 5, 10])
    pools = [range(0x20, 0x7f), range(0xa0, 0x200), range(0x4e00, 0x4e40), range(0x1f600, 0x1f640)]
    return "".join(chr(rng.choice(rng.choice(pools))) for _ in range(n))


def random_spec(types):
    parts = []
    if rng.random() < 0.3:
        if rng.random() < 0.6:
            parts.append(rng.choice(["*", "0", " ", "x", "{", "é", "\U0001F600", "<", "="]))
        parts.append(rng.choice("<>=^"))
    if rng.random() < 0.3:
        parts.append(rng.choice("+- "))
    if rng.random() < 0.1:
        parts.append("z")
    if rng.random() < 0.2:
        parts.append("#")
    if rng.random() < 0.2:
        parts.append("0")
    if rng.random() < 0.5:
        parts.append(str(rng.choice([0, 1, 2, 5, 8, 10, 12, 15, 20, 25, 40])))
    if rng.random() < 0.2:
        parts.append(rng.choice([",", "_", ",_", "_,"]))
    if rng.random() < 0.4:
        parts.append("." + str(rng.choice([0, 1, 2, 3, 5, 6, 10, 17, 20, 30, 60])))
    if rng.random() < 0.03:
        parts.append(".")
    if rng.random() < 0.8:
        parts.append(rng.choice(types))
    spec = "".join(parts)
    return spec


INT_TYPES = list("bcdoxXneEfFgG%") + ["s", "r", "?", "\x01", "é"]
FLOAT_TYPES = list("eEfFgGn%") + ["", "d", "x", "s"]
STR_TYPES = ["s", "", "d", "x"]
COMPLEX_TYPES = list("eEfFgGn") + ["", "%", "d"]

format_cases = []
for _ in range(3000):
    v = random_int()
    spec = random_spec(INT_TYPES)
    format_cases.append([tag(v), spec, outcome(lambda: format(v, spec))])
for _ in range(200):
    v = rng.choice([True, False])
    spec = random_spec(INT_TYPES)
    if spec:
        format_cases.append([tag(v), spec, outcome(lambda: format(v, spec))])
for _ in range(5000):
    v = random_float()
    spec = random_spec(FLOAT_TYPES)
    format_cases.append([tag(v), spec, outcome(lambda: format(v, spec))])
for _ in range(1500):
    v = random_str()
    spec = random_spec(STR_TYPES)
    format_cases.append([tag(v), spec, outcome(lambda: format(v, spec))])
for _ in range(800):
    v = complex(random_float(), random_float()) if rng.random() < 0.8 else complex(rng.choice([0.0, -0.0, 1.0]), random_float())
    spec = random_spec(COMPLEX_TYPES)
    if spec:
        format_cases.append([tag(v), spec, outcome(lambda: format(v, spec))])
# Hand-picked specs (the values still come from CPython).
for v, spec in [(1234, "010,"), (1234, "_x"), (255, "#_b"), (12345678, ",d"), (-1234.5, "012,.2f"), (float("inf"), "010"),
                (float("nan"), "+"), (-0.0, "z.1f"), (-0.0001, "z.2f"), (0.5, ".0f"), (2.675, ".2f"), (1e16, ""),
                (1e16, ".3"), (123.0, ".3"), (123.0, "#.3g"), ("abc", "*^9"), ("abc", "09"), (65, "c"), (0x1F600, "^5c"),
                (1.0, "n"), (1234567, "n"), (1234, ",c"), (10**5000, "x"), (10**5000, "d"), (10**4299, "d"), (10**4300, "d")]:
    format_cases.append([tag(v), spec, outcome(lambda: format(v, spec))])

repr_cases = [[repr(x), repr(x), str(x)] for x in (random_float() for _ in range(2000)) if x == x]
hex_cases = []
for x in [random_float() for _ in range(1500)] + [0.0, -0.0, 5e-324, 1e-310, float("inf"), float("nan"), -float("inf")]:
    hex_cases.append([repr(x), x.hex(), outcome(lambda: [str(v) for v in x.as_integer_ratio()])])

round_cases = []
for _ in range(2500):
    x = random_float()
    n = rng.choice([None, 0, 1, 2, 3, 5, 10, 15, 17, 20, 25, -1, -2, -5, -10, -300, 330, -310, 400])
    if rng.random() < 0.1:
        x = rng.randint(-10**6, 10**6) / 1000 + 0.0005
    round_cases.append([tag(x), n, outcome(lambda: tag(round(x) if n is None else round(x, n)))])
for _ in range(400):
    v = random_int()
    n = rng.randint(-25, 3)
    round_cases.append([tag(v), n, outcome(lambda: tag(round(v, n)))])

# printf-style formatting: random conversion specs with random arguments.
def random_percent():
    pieces, args = [], []
    for _ in range(rng.randint(1, 4)):
        if rng.random() < 0.3:
            pieces.append(rng.choice(["abc", " ", "%%", "x=", "é"]))
        conv = rng.choice(list("sradiuoxXeEfFgGc"))
        flags = "".join(rng.sample("-+ #0", rng.randint(0, 2)))
        width = rng.choice(["", "", "5", "10", "1", "*"])
        prec = rng.choice(["", "", ".0", ".2", ".5", ".12", ".*"])
        if width == "*":
            args.append(rng.randint(-12, 12))
        if prec == ".*":
            args.append(rng.randint(-2, 8))
        if conv in "sra":
            args.append(rng.choice([random_str(), random_int(), random_float()]))
        elif conv in "diu":
            args.append(rng.choice([random_int(), random_float(), True]))
        elif conv in "oxX":
            args.append(random_int() if rng.random() < 0.95 else random_float())
        elif conv in "eEfFgG":
            args.append(rng.choice([random_float(), random_int()]))
        else:
            args.append(rng.choice([rng.randint(32, 0x1f600), rng.choice("aé\U0001F600"), -1, "ab"]))
        pieces.append("%" + flags + width + prec + conv)
    return "".join(pieces), args


percent_cases = []
for _ in range(3000):
    fmt, args = random_percent()
    if rng.random() < 0.05 and args:
        args = args[:-1]  # not enough arguments
    if rng.random() < 0.05:
        args = args + [1]  # too many
    percent_cases.append([fmt, [tag(a) for a in args], outcome(lambda: fmt % tuple(args))])
mapping = {"a": 1, "b": "two", "c": 3.5, "x(y)": 7}
for fmt in ["%(a)s", "%(b)r and %(c).1f", "%(a)05d", "%(x(y))s", "%(a", "%(missing)s", "%(a)s %s", "%(a)s %%"]:
    percent_cases.append([fmt, {k: tag(v) for k, v in mapping.items()}, outcome(lambda: fmt % mapping)])
for fmt, arg in [("%s", 5), ("%d", 5), ("%s %s", 5), ("%", 5), ("abc%", 5), ("%y", 5), ("%\n", 5), ("%c", 0x110000),
                 ("%s", "x"), ("%5%", 5), ("%.3s", "abcdef"), ("%-10r", "q"), ("%(a)s", 5)]:
    percent_cases.append([fmt, tag(arg), outcome(lambda: fmt % arg)])

# bytes % args
def random_bytes_value():
    return bytes(rng.choice([rng.randrange(32, 127), rng.randrange(256)]) for _ in range(rng.choice([0, 1, 2, 5])))


percent_bytes_cases = []
for _ in range(1500):
    pieces, args = [], []
    for _ in range(rng.randint(1, 3)):
        if rng.random() < 0.3:
            pieces.append(rng.choice(["ab", " ", "%%", "\xff"]))
        conv = rng.choice(list("sbradxXfgc"))
        flags = "".join(rng.sample("-+ #0", rng.randint(0, 2)))
        width = rng.choice(["", "", "5", "*"])
        prec = rng.choice(["", "", ".0", ".3", ".*"])
        if width == "*":
            args.append(rng.randint(-8, 8))
        if prec == ".*":
            args.append(rng.randint(-2, 6))
        if conv in "sbra":
            args.append(rng.choice([random_bytes_value(), random_bytes_value(), random_str(), random_int()]))
        elif conv in "dxX":
            args.append(rng.choice([random_int(), random_float(), random_bytes_value()]))
        elif conv in "fg":
            args.append(rng.choice([random_float(), random_int()]))
        else:
            args.append(rng.choice([rng.randint(-2, 300), random_bytes_value(), "a"]))
        pieces.append("%" + flags + width + prec + conv)
    fmt = "".join(pieces).encode("latin-1")
    if rng.random() < 0.05:
        args.append(1)
    result = outcome(lambda: (fmt % tuple(args)).hex())
    percent_bytes_cases.append([fmt.hex(), [tag(a) for a in args], result])


def random_int_text():
    r = rng.random()
    body = ""
    base = rng.choice([10, 10, 0, 0, 2, 8, 16, 36, 7, 1, 37])
    if r < 0.6:
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[:max(2, min(base, 36)) if base else 10]
        body = "".join(rng.choice(digits + ("_" if rng.random() < 0.2 else "")) for _ in range(rng.randint(0, 12)))
        if rng.random() < 0.3:
            body = rng.choice(["0x", "0o", "0b", "0X", "0B", "0O", "0x_", "0"]) + body
        if rng.random() < 0.3:
            body = rng.choice(["+", "-", " -", "- "]) + body
        if rng.random() < 0.3:
            body = rng.choice([" ", "\t", "\n", "\u3000", "\xa0", "  "]) + body + rng.choice(["", " ", "\n", "\u2003"])
        if rng.random() < 0.1:
            body = body.upper()
    elif r < 0.8:
        body = rng.choice(["", " ", "0", "00", "007", "0_0", "1__0", "_1", "1_", "1_000", "٣٤", "१२३", "１２", "12\x00", "1e5", "1.0",
                           "0x", "0b102", "0o17", "0x1F", "-0", "+0", "- 1", "१_२", "0_7", "00_0", "09", "0b_1", "0_b1"])
    else:
        body = str(rng.getrandbits(rng.choice([70, 200, 1000])))
    return body, base


int_parse_cases = []
for _ in range(2500):
    text, base = random_int_text()
    int_parse_cases.append([text, base, outcome(lambda: tag(int(text, base)))])
for digits in [4300, 4301, 5000]:
    text = "1" * digits
    int_parse_cases.append([text, 10, outcome(lambda: tag(int(text, 10)))])
    int_parse_cases.append([text, 16, outcome(lambda: tag(int(text, 16)) if digits < 4400 else "skip")])

def random_float_text():
    r = rng.random()
    if r < 0.4:
        return repr(random_float())
    if r < 0.7:
        parts = [rng.choice(["", "+", "-"]), "".join(rng.choice("0123456789_") for _ in range(rng.randint(0, 6)))]
        if rng.random() < 0.6:
            parts.append("." + "".join(rng.choice("0123456789_") for _ in range(rng.randint(0, 5))))
        if rng.random() < 0.4:
            parts.append(rng.choice("eE") + rng.choice(["", "+", "-"]) + "".join(rng.choice("0123456789_") for _ in range(rng.randint(0, 4))))
        text = "".join(parts)
        if rng.random() < 0.3:
            text = rng.choice([" ", "\t", "\u3000"]) + text + rng.choice(["", " ", "\n"])
        return text
    return rng.choice(["inf", "-inf", "+inf", "Infinity", "-iNfInItY", "nan", "-nan", "+NaN", "nan(1)", "infinit", "in f",
                       "1e500", "-1e500", "1e-500", "4.9e-324", "2.5e-324", "2.4e-324", "1.7976931348623158e308",
                       "1.7976931348623159e308", "0x1p3", "1_000.5", "1__0.5", "1_.5", "1._5", "._5", "1e1_0", "1e_10",
                       "١٫٥", "١.٥", "１.５", "", " ", ".", "e5", "1e", "1.", ".5", "-.5e-3", "0.1" * 1, "9" * 400,
                       "0." + "0" * 400 + "1", "1" + "0" * 330 + ".0e-340", "1.000000000000000055511151231257827", "1.00000000000000005551115123125783"])

float_parse_cases = []
for _ in range(2500):
    text = random_float_text()
    float_parse_cases.append([text, outcome(lambda: tag(float(text)))])

# str.format: the parser (_string.formatter_parser), field names, and whole renderings.
import _string


def collect(iterable):
    items = []
    try:
        for item in iterable:
            items.append(list(item))
        return {"items": items}
    except Exception as e:
        return {"items": items, "error": type(e).__name__, "message": str(e)}


markup_cases = []
alphabet = ["a", "{", "}", "0", "1", "!", "r", "s", ":", ">", ".", "[", "]", "x", "5", "é", "{}", "{0}", "}}", "{{"]
for _ in range(3000):
    text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
    markup_cases.append([text, collect(_string.formatter_parser(text))])

field_name_cases = []
name_alphabet = ["0", "1", "a", "b", ".", "[", "]", "x", "12", "\u0661", "9" * 20]
for _ in range(2000):
    name = "".join(rng.choice(name_alphabet) for _ in range(rng.randint(0, 7))).encode().decode("unicode_escape")
    try:
        first, rest = _string.formatter_field_name_split(name)
        field_name_cases.append([name, {"first": first, "rest": collect(rest)}])
    except Exception as e:
        field_name_cases.append([name, {"error": type(e).__name__, "message": str(e)}])

ARGS = [10, "ab", [1, 2, 3], {"k": "v"}, 3.5, -42, "é😀"]
KWARGS = {"x": 7, "name": "py", "d": {"a": 1, "z": "zero"}, "l": [4, 5], "w": 8, "f": 2.675}
field_pool = ["{}", "{0}", "{1}", "{2}", "{6}", "{7}", "{x}", "{name}", "{missing}", "{2[1]}", "{2[5]}", "{3[k]}", "{d[a]}",
              "{d[0]}", "{l[0]}", "{0!r}", "{1!r}", "{1!a}", "{6!a}", "{1!s}", "{0!x}", "{0:>5}", "{4:.2f}", "{f:.2f}",
              "{0:{w}}", "{1:*^{w}}", "{:{}}", "{0:{1}}", "{x:{w}.{w}}", "{0:{x:{w}}}", "{:}", "{!r}", "{2}", "{l}",
              "{3}", "{d}", "{0:x}", "{1:d}", "{5:+,}", "{0.real}", "{2[}", "{0[x]}", "{", "}", "{{", "}}", "{:>{w}}",
              "{5:_^12}", "{4:e}", "{0:{1:{2}}}"]
format_call_cases = []
for _ in range(2500):
    pieces = [rng.choice(field_pool) if rng.random() < 0.6 else rng.choice(["a", " ", "=", "é", ""]) for _ in range(rng.randint(1, 4))]
    text = "".join(pieces)
    format_call_cases.append([text, outcome(lambda: text.format(*ARGS, **KWARGS))])
format_map_cases = []
for text in ["{x}", "{0}", "{}", "{d[a]}", "{name!r:>6}", "{missing}"]:
    format_map_cases.append([text, outcome(lambda: text.format_map(KWARGS))])


def dump(name, obj):
    with open(os.path.join(DIR, name), "w", encoding="utf-8") as f:
        json.dump({"generatedBy": "scripts/gen-format-fixtures.py under CPython " + sys.version.split()[0], "cases": obj},
                  f, ensure_ascii=True, separators=(",", ":"))
    print(name, len(obj))

dump("format.json", format_cases)
dump("floatrepr.json", repr_cases)
dump("floathex.json", hex_cases)
dump("round.json", round_cases)
dump("percent.json", percent_cases)
dump("percentbytes.json", percent_bytes_cases)
dump("intparse.json", int_parse_cases)
dump("floatparse.json", float_parse_cases)
dump("strformat.json", {"markup": markup_cases, "fieldNames": field_name_cases, "args": ARGS, "kwargs": KWARGS,
                        "calls": format_call_cases, "formatMap": format_map_cases})
