#!/usr/bin/env python3
"""Generate the expected outputs of the lexer tests (tokenizer, numbers, strings) from CPython 3.11.

Writes
  test/unit/syntax/tokenizer.expected.json  token streams (Lib/tokenize.py, columns converted to
      UTF-8 bytes, COMMENT/NL dropped), tokenizer errors as ast.parse reports them, and a digest of
      every corpus file's token stream;
  test/unit/syntax/strings.expected.json    number literal values, string/f-string nodes as
      ast.dump(..., indent=1, include_attributes=True), errors and DeprecationWarnings, and a sample
      of \\N{} names.
The inputs are the case lists below. Tests run without python3; rerun this after changing a list:
  python3 scripts/gen-lexer-expected.py
"""
import ast
import glob
import hashlib
import io
import json
import os
import random
import sys
import tokenize
import unicodedata
import warnings

assert sys.version_info[:2] == (3, 11), "generate with CPython 3.11"

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "test", "unit", "syntax")

# Valid sources whose token streams are compared token by token.
STREAM_CASES = [
    "x = 1\n",
    "def f(a, b=2, *args, **kw) -> int:\n    return a + b  # comment\n",
    "if x:\n    if y:\n        pass\n    else:\n        z = 1\n\nw = 2\n",
    "if x:\n\tpass\n\tif y:\n\t\tpass\n",
    "x = (1,\n     2,\n\n     3)\ny = [\n]\n",
    "x = 1 + \\\n    2\n",
    "x = 1  # no newline at end",
    "x = '''a\nb\n  c''' + \"d\"\n",
    "s = r'\\d' b'x' Rb'y' bR'z' f'{a}' rf'{b}' FR'c' u'd' U'e'\n",
    "n = 0x_ff + 0o17 + 0b1_0 + 1_000 + 1.5e-3 + .5 + 5. + 1e10 + 3j + 1.5J + 0 + 00 + 0.0\n",
    "a //= b ** c; d <<= 1; e >>= 2; f @= g; h -> i; j := k; l != m; n ... o\n",
    "é = 'ü'\nnaïve = é\n",
    "x = 1if y else 2\nz = 0xfor\n",
    "x = 1é\n",
    "x = 1ifx + 1isinstance + 1inx + 1or + 1not + 0x1for + 1jfor\n",
    "class C:\n    '''doc'''\n\n    def m(self):\n        return [i for i in range(3)]\n",
    "\x0cx = 1\n",
    "#!/usr/bin/env python\n# comment only\n\n\n",
    "",
    "\n\n",
    "x = {\n  'a': (1, [2,\n  3]),\n}\n",
    "try:\n  pass\nexcept* E:\n  pass\n",
    "async def f():\n    await x\n    async for y in z:\n        pass\n",
    "lambda: (yield)\n",
    "x = f'{a!r:>{w}}' f\"\"\"\n{b}\n\"\"\"\n",
    "if a:\n    b\n# dedent comment\nc\n",
    "while 1:\n    pass\n  # odd comment indent\n    x\n",
    "x = 'a\\\nb'\n",
    "x = ['中文', 'ÿ', '😀']  # emoji 😀\ny = 1\n",
]

# Sources CPython tokenizes without error though tokenize.py cannot (or Node's Unicode differs).
VALID_CASES = ["x = a·\n", "x = ℘\n", "℮ = 1\n", "x = 𝔘\n", "ﬁ = ﬁ\n", "x = 1ifx\n", "ｉｆ = 1\n"]

# Sources that fail in the tokenizer; ast.parse's SyntaxError is the expectation.
ERROR_CASES = [
    "x = 1abc\n", "x = 0x\n", "x = 0xg\n", "x = 0o8\n", "x = 0o\n", "x = 0b2\n", "x = 0b\n", "x = 012\n",
    "x = 00_12\n", "x = 1_\n", "x = 1__0\n", "x = 1e\n", "x = 1e+\n", "x = 0_7\n", "x = 1.5_\n", "x=.5_\n",
    "x = 1.__class__\n", "x = 0b1_\n", "x = 0b12\n", "x = 0o1_9\n", "x = 0xab_\n", "x = 0_\n", "x = 1jk\n",
    "x = 0e\n", "x = 1_000_\n", "x = 0b1e\n", "x = 5.e\n", "x = 1e5x\n", "x = 1orx\n", "x = 1andy\n",
    "x = 1nota\n", "x = 1else_\n", "x = 1.5fory\n", "x = 1o\n", "0x1for_ = 1\n", "x = 0o1and_\n",
    "x = 'abc\n", "x = '''abc\ny\n", "x = 'ab", "x = \"\"\"ab", "x = ((\n'abc\n", "def f():\n  x = 'abc\n",
    "x = 'a\\\nb\n", "x = (1,\n 'abc", "x = \"\"\"abc\n  def", "x = f'abc\n", "é = 'é\n", "x = rb'''\n\n",
    "x = (1,\n2\n", "x = (1]\n", "x = (1,\n]\n", "x = )\n", "x = (\n   ((\n", "x = [1,\n\n", "(\n",
    "x = \\\n  (\n", "x = é(1,\n2\n", "x = éé(1,", "x = {1: 2)\n", "x = [\n  {\n    (\n  ]\n",
    "x = " + "(" * 201 + ")" * 201 + "\n", "x = " + "[" * 200 + "(\n",
    "x = €\n", "x = a€\n", "x = \u00a0\n", "é€ = 1\n", "x = \x01\n", "\ufeffx=1\n", "x = 1 \x7f\n",
    "x = a\u200b\n", "x = ☃\n", "x = 𝔘€\n", "x = \U00011f00\n", "x = a\U00011f00\n", "x = \u0378\n",
    "x = ·a\n",
    "x = 1 \\ y\n", "x = 1 \\\n", "x = 1 \\", "x = é \\é\n", "x = 1 \\\n+ 2 \\ y\n", "x = 1 \\\n+ 2 \\\n",
    "x = 1\n\\\n  \\ y\n", "x = '''\n''' \\ y\n", "x=1\n\\", "if x:\n  y\n\\",
    "if x:\n  a\n b\n", "if x:\n\ta\n        b\n", "if x:\n        a\n\tb\n", "if x:\n    a\n\x0c  b\n",
    "if é:\n  a\n b\n", "if é:\n\tb\n        é\n", "if x:\n  \ta\n\t  b\n",
    "".join(" " * i + "if x:\n" for i in range(101)) + " " * 101 + "pass\n",
    "x = \"\"\"\r\n", "x = \"\"\"\r\n\r\n", "x = \"\"\"\r", "x = \"\"\"\ra\rb\r\n", "x = (\r\n", "x = 'a\r\n",
]

NUMBER_CASES = [
    "0", "00", "0_0", "7", "1_000", "0x_ff", "0XFF", "0o17", "0O1_7", "0b1010", "0B1", "123456789012345678901234567890",
    "1.5", "1_000.5e-3", "1.", ".5", "1e10", "1E-10", "1e400", "1e-400", "0.1", "2.5e-324", "1.7976931348623157e308",
    "9007199254740993", "9007199254740993.0", "0.30000000000000004", "3j", "1.5J", "0j", "1e5j", "1_2e1_0j", "007j",
    "0080.", "09.5", "0e1", "1" * 4300, "1" * 4301, "0x" + "f" * 5000, "1" * 4301 + ".5", "1" * 4301 + "j",
]

STRING_CASES = [
    "''", "'abc'", '"abc"', "'''a\nb'''", "r'\\n'", "b'abc'", "u'abc'", "U'abc'", "'a' 'b'", "'a' u'b'", "u'a' 'b'",
    "b'a' b'b'", "'\\n\\t\\\\\\'\\\"\\a\\b\\f\\v\\r'", "'\\x41\\u00e9\\U0001F600'", "'\\101\\7\\0'", "'\\777'",
    "b'\\777'", "b'\\x41\\101\\n'", "'\\q'", "b'\\q'", "'\\N{DIGIT ONE}\\N{latin small letter a}'", "'\\\n'",
    "'é\\é'", "'a\\\\b'", "br'\\x'", "'\\8'", "'\\d' '\\w'",
    "'\\x4'", "'ab\\x4'", "'é\\x4'", "'\\u12'", "'\\U1234'", "'\\U00110000'", "'\\N{foo}'", "'\\N'", "'\\N{'",
    "'\\N{}'", "'\\Nx'", "'é\\N{foo}'", "b'\\x4'", "b'ab\\xg1'", "b'é'", "'a' b'b'", "b'a' 'b'", "b'a' f'b'",
    "f''", "f'abc'", "f'{a}'", "f'a{b}c'", "f'{a!r}'", "f'{a!s:>10}'", "f'{a:{b}}'", "f'{a:{b}x{c!r}}'",
    "f'{a=}'", "f'{ a = }'", "f'{a=!s}'", "f'{a=:>4}'", "f'{{}}'", "f'}}{{'", "f'a{{b'", "f'{x:{{}}}'",
    "f'{a}' f'{b}'", "'x' f'{a}' 'y'", "u'a' f'{b}' 'c'", "u'' f'{a:x{b}}'", "f'' ''", "'' f''",
    "f'''\n  {a}\n'''", "f'''{a}\n'''", "f'''{\na}'''", "f'''{  \n  a}'''", "f'''\n{\na}'''", "rf'\\{a}'",
    "f'\\{a}'", "f'\\N{DIGIT ONE}{a}'", "f'{a:\\N{DIGIT ONE}}'", "f'é{a}'", "f'{é}'", "f'{a:}'", "f'{a!r:}'",
    "(f'{a}'\n     'b' f'{c!s:>4}')", "f'{\"s\"}'", "f'{3}'", "f'\\x41{a}\\n'",
    "f'{}'", "f'{ }'", "f'{!r}'", "f'{=}'", "f'{:}'", "f'{x!}'", "f'{x!z}'", "f'{x'", "f'{x:'", "f'}'",
    "f'{x}}'", "f'{a#}'", "f'{a\\n}'", "f'{a(}'", "f'{a)}'", "f'{a[)}'", "f'{a:{b:{c}}}'", "f'{a!r=}'",
    "f'{a!r }'", "f'{a! r}'", "f'{\"a'", "f'{(a'", "f'{a:{b}}}'", "f'{'", "f'{a!'", "f'{x:{y}'",
    "f'{a=  '", "f'\\x4{a}'",
    # Not at column 0: expression columns add the token's column on its first line only.
    "(    f'{a}' f'{b!r}')", "(\n    f'''x\n  {a}''' f'{b}')", "(  f'é{a}')", "(  'a'\n  u'b' f'{c:{d}}')",
    "(   f'''{a}\n''')", "(   f'''{\na}''')", "(  f'{\"é\"}')",
]


def byte_col(lines, row, col):
    line = lines[row - 1] if row - 1 < len(lines) else ""
    return len(line[:col].encode("utf-8"))


def tokenizer_warnings(src):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            ast.parse(src)
        except SyntaxError:
            pass  # warnings issued before a (parser) error still count
    return [[w.category.__name__, str(w.message), w.lineno] for w in caught if w.category is SyntaxWarning]


def token_stream(src):
    lines = src.split("\n")  # not splitlines(): that also splits at form feeds
    out = []
    for tok in tokenize.generate_tokens(io.StringIO(src).readline):
        name = tokenize.tok_name[tok.type]
        if name in ("COMMENT", "NL"):
            continue
        if name in ("NAME", "NUMBER", "STRING", "OP"):
            (sr, sc), (er, ec) = tok.start, tok.end
            out.append([name, tok.string, sr, byte_col(lines, sr, sc), er, byte_col(lines, er, ec)])
        else:
            out.append([name])
    return out


def stream_digest(stream):
    text = "\n".join(" ".join(str(x) for x in tok) for tok in stream)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def syntax_error(src):
    try:
        ast.parse(src)
    except SyntaxError as e:
        return {"type": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset,
                "end_lineno": e.end_lineno, "end_offset": e.end_offset, "text": e.text}
    raise AssertionError(f"expected a SyntaxError: {src!r}")


def number_value(text):
    value = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = ast.parse(text, mode="eval").body.value
    except SyntaxError as e:
        return {"error": e.msg}
    kind = type(value).__name__
    # ints as hex: str() of a huge int is itself limited to 4300 digits
    return {"type": kind, "repr": repr(value) if kind != "int" else hex(value)}


def string_case(src):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            tree = ast.parse(src, mode="eval")
        except SyntaxError as e:
            return {"error": e.msg}
    return {"dump": ast.dump(tree.body, indent=1, include_attributes=True),
            "warnings": [str(w.message) for w in caught if w.category is DeprecationWarning]}


def name_sample():
    rng = random.Random(311)
    named = []
    for cp in range(0x110000):
        try:
            named.append((unicodedata.name(chr(cp)), cp))
        except ValueError:
            pass
    sample = rng.sample(named, 400)
    sample += [(n.lower(), c) for n, c in rng.sample(named, 50) if not n.startswith(("CJK UNIFIED", "HANGUL SYLLABLE"))]
    sample += [("CJK UNIFIED IDEOGRAPH-4E00", 0), ("cjk unified ideograph-4e00", 0), ("CJK UNIFIED IDEOGRAPH-4e00", 0),
               ("HANGUL SYLLABLE GAG", 0), ("hangul syllable GAG", 0), ("HANGUL SYLLABLE gag", 0),
               ("HANGUL SYLLABLE GXG", 0), ("NO SUCH NAME", 0), ("LATIN SMALL LETTER", 0),
               ("CJK UNIFIED IDEOGRAPH-3400", 0), ("CJK UNIFIED IDEOGRAPH-A000", 0),
               ("LINE FEED", 0), ("lf", 0), ("NULL", 0), ("ZWJ", 0), ("BOM", 0), ("VS17", 0), ("ESC", 0),
               ("HORIZONTAL TABULATION", 0), ("LATIN CAPITAL LETTER GHA", 0), ("NOT AN ALIAS", 0)]
    out = []
    for name, _ in sample:
        try:
            value = eval('"\\N{%s}"' % name)
            out.append([name, ord(value)])
        except SyntaxError:
            out.append([name, None])
    return out


def main():
    streams = [{"source": s, "tokens": token_stream(s), "warnings": tokenizer_warnings(s)} for s in STREAM_CASES]
    errors = [{"source": s, "error": syntax_error(s)} for s in ERROR_CASES]
    valid = []
    for s in VALID_CASES:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ast.parse(s)
        except SyntaxError as e:
            if e.msg.startswith("invalid character") or "literal" in e.msg:
                raise AssertionError(f"tokenizer error in a valid case: {s!r}")
        valid.append(s)
    corpus = []
    for path in sorted(glob.glob(os.path.join(ROOT, "test", "corpus", "seeds", "*.py"))):
        try:
            with open(path, encoding="utf-8") as f:
                src = f.read()
            ast.parse(src)
            stream = token_stream(src)
        except (SyntaxError, UnicodeDecodeError, tokenize.TokenError, ValueError):
            continue
        corpus.append({"file": os.path.basename(path), "count": len(stream), "sha1": stream_digest(stream)})
    with open(os.path.join(OUT, "tokenizer.expected.json"), "w", encoding="utf-8") as f:
        json.dump({"streams": streams, "errors": errors, "valid": valid, "corpus": corpus}, f, ensure_ascii=False, indent=0)
        f.write("\n")
    numbers = [{"literal": n, **number_value(n)} for n in NUMBER_CASES]
    strings = [{"source": s, **string_case(s)} for s in STRING_CASES]
    with open(os.path.join(OUT, "strings.expected.json"), "w", encoding="utf-8") as f:
        json.dump({"numbers": numbers, "strings": strings, "names": name_sample()}, f, ensure_ascii=False, indent=0)
        f.write("\n")
    print(f"{len(streams)} streams, {len(errors)} errors, {len(corpus)} corpus files, "
          f"{len(numbers)} numbers, {len(strings)} strings")


if __name__ == "__main__":
    main()
