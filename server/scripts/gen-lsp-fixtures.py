#!/usr/bin/env python3
"""Write test/lsp/fixtures/cpython.json: what CPython 3.11 itself says about the language
server's test programs, so the tests compare the server with CPython without needing a Python.

  errors    compile() of each snippet: the SyntaxError's type, msg and positions
  mro       each class statement of each snippet, run in order: its __mro__ (names) or the TypeError text
  unbound   calling a function that reads a local before assignment: the UnboundLocalError text
  corpusMro every module-level corpus class whose bases are builtin or earlier classes: its MRO
  nameOps   for every corpus program and golden scope/grammar case (and the snippets here), each LOAD_/STORE_/DELETE_ of a name
            with its source position, from dis: "line:col:end_col OPNAME name" (columns in UTF-8 bytes)

usage: python3 server/scripts/gen-lsp-fixtures.py
"""
import ast
import builtins
import dis
import subprocess
import tempfile
import glob
import json
import os
import sys
import types

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))

ERROR_CASES = {
    "unclosed paren": "x = (1,\n",
    "duplicate argument": "def f(a, a): pass\n",
    "assigned before global": "def f():\n    x = 1\n    global x\n",
    "nonlocal at module level": "nonlocal x\n",
    "missing indent": "for x in range(3):\npass\n",
    "print statement": 'print "hi"\n',
    "dangling operator": "a = 1 +\n",
    "return outside function": "return 1\n",
    "non-ascii columns": "s = 'é'; t = (é + \n",
    "two errors": "def f(:\n    pass\ny = 1 +\nz = 3\n",
}

MRO_CASES = {
    "diamond": "class A: pass\nclass B(A): pass\nclass C(A): pass\nclass D(B, C): pass\n",
    "inconsistent": "class A: pass\nclass B(A): pass\nclass C(A, B): pass\n",
    "crossed": "class A: pass\nclass B: pass\nclass X(A, B): pass\nclass Y(B, A): pass\nclass Z(X, Y): pass\n",
    "duplicate base": "class A: pass\nclass C(A, A): pass\n",
    "bool base": "class C(bool): pass\n",
    "layout conflict": "class C(int, str): pass\n",
    "builtin exceptions": "class E(KeyError, OSError): pass\nclass F(ValueError): pass\nclass G(E, F): pass\n",
    "object first": "class C(object, int): pass\n",
    "wikipedia c3": (
        "class O: pass\nclass A(O): pass\nclass B(O): pass\nclass C(O): pass\nclass D(O): pass\nclass E(O): pass\n"
        "class K1(A, B, C): pass\nclass K2(D, B, E): pass\nclass K3(D, A): pass\nclass Z(K1, K2, K3): pass\n"
    ),
    "slots layout": "class P:\n    __slots__ = ('x',)\nclass Q:\n    __slots__ = ('y',)\nclass R(P, Q): pass\n",
}

UNBOUND_CASES = {
    "read before assignment": ("def f():\n    print(x)\n    x = 1\n", "f()"),
    "branch not taken": ("def f(flag):\n    if flag:\n        y = 1\n    return y\n", "f(False)"),
    "deleted": ("def f():\n    z = 1\n    del z\n    return z\n", "f()"),
}

NAME_OPS_CASES = {
    "closures": (
        "def make_counter(start=0, *, step=1):\n    count = start\n    def inc(by=step):\n        nonlocal count\n"
        "        count += by\n        return count\n    return inc\n"
    ),
    "class deref": (
        "def outer():\n    x = 1\n    class C:\n        y = x\n        def m(self):\n            return x\n    return C\n"
    ),
    "globals": "g = 0\ndef f():\n    global g\n    g = g + 1\n    del g\n    return len\nclass K:\n    a = g\n    del a\n",
}


LISTING_CASES = {
    "counter": (
        "def make_counter(start=0, *, step=1):\n    count = start\n    def inc(by=step):\n        nonlocal count\n"
        "        count += by\n        return count\n    return inc\n\n\ncounter = make_counter()\n"
        "print(counter(), len([counter for counter in range(3)]))\n"
    ),
    "classes": (
        "class Base:\n    def hello(self):\n        return __class__\n\n\n@staticmethod\ndef helper(x):\n    return lambda: x\n\n\n"
        "class Child(Base):\n    def hello(self):\n        return super().hello()\n"
    ),
}


def oracle(script, src):
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False, encoding="utf-8") as f:
        f.write(src)
        name = f.name
    try:
        return subprocess.run([sys.executable, os.path.join(ROOT, "test", "oracle", script), name],
                              check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(name)


def source_lines_position(ins):
    p = ins.positions
    if p is None or p.lineno is None or p.col_offset is None:
        return None
    if p.lineno != p.end_lineno:
        return None
    return p.lineno, p.col_offset, p.end_col_offset


def name_ops(code):
    out = []

    def walk(co):
        for ins in dis.get_instructions(co):
            op = ins.opname
            if not (op.startswith(("LOAD_", "STORE_", "DELETE_")) and op.endswith(("_NAME", "_FAST", "_GLOBAL", "_DEREF", "CLASSDEREF"))):
                continue
            where = source_lines_position(ins)
            if where is None:
                continue
            name = ins.argval
            out.append(f"{where[0]}:{where[1]}:{where[2]} {op} {name}")
        for c in co.co_consts:
            if isinstance(c, types.CodeType):
                walk(c)

    walk(code)
    return out


def corpus_mros(src):
    """The MRO CPython gives each module-level class of a program whose bases are builtin classes
    or earlier classes of the same program, from a reduced program of just those class
    statements (bodies emptied but for __slots__), so no program code runs."""
    tree = ast.parse(src)
    bound_otherwise = set()
    for statement in ast.walk(tree):
        if isinstance(statement, (ast.Import, ast.ImportFrom)):
            bound_otherwise.update((a.asname or a.name).split(".")[0] for a in statement.names)
        elif isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            bound_otherwise.add(statement.name)
        elif isinstance(statement, ast.Name) and not isinstance(statement.ctx, ast.Load):
            bound_otherwise.add(statement.id)
        elif isinstance(statement, ast.ClassDef) and statement not in tree.body:
            bound_otherwise.add(statement.name)
    namespace = {}
    defined = set()
    out = []
    for statement in tree.body:
        if not isinstance(statement, ast.ClassDef) or statement.keywords or statement.name in bound_otherwise:
            continue
        names = [b.id if isinstance(b, ast.Name) else None for b in statement.bases]
        if any(n is None or n in bound_otherwise or (n not in defined and not isinstance(getattr(builtins, n, None), type)) for n in names):
            continue
        slots = [s for s in statement.body if isinstance(s, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__slots__" for t in s.targets)]
        reduced = ast.ClassDef(name=statement.name, bases=statement.bases, keywords=[], body=slots or [ast.Pass()], decorator_list=[])
        module = ast.fix_missing_locations(ast.Module(body=[reduced], type_ignores=[]))
        try:
            exec(compile(module, "reduced.py", "exec"), namespace)
            out.append({"name": statement.name, "line": statement.lineno, "mro": [k.__name__ for k in namespace[statement.name].__mro__]})
            defined.add(statement.name)
        except TypeError as e:
            out.append({"name": statement.name, "line": statement.lineno, "error": str(e)})
    return out


def error_fixture(name, src):
    try:
        compile(src, "snippet.py", "exec")
    except SyntaxError as e:
        return {"name": name, "source": src, "type": type(e).__name__, "msg": e.msg, "lineno": e.lineno, "offset": e.offset,
                "end_lineno": e.end_lineno, "end_offset": e.end_offset}
    raise SystemExit(f"{name}: compiles")


def mro_fixture(name, src):
    namespace = {}
    classes = []
    for statement in ast.parse(src).body:
        module = ast.Module(body=[statement], type_ignores=[])
        try:
            exec(compile(module, "snippet.py", "exec"), namespace)
            if isinstance(statement, ast.ClassDef):
                classes.append({"name": statement.name, "line": statement.lineno,
                                "mro": [k.__name__ for k in namespace[statement.name].__mro__]})
        except TypeError as e:
            classes.append({"name": statement.name, "line": statement.lineno, "error": str(e)})
    return {"name": name, "source": src, "classes": classes}


def unbound_fixture(name, src, call):
    namespace = {}
    exec(src, namespace)
    try:
        eval(call, namespace)
    except UnboundLocalError as e:
        return {"name": name, "source": src, "call": call, "message": str(e)}
    raise SystemExit(f"{name}: no UnboundLocalError")


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("needs CPython 3.11")
    corpus = {}
    corpus_classes = {}
    programs = sorted(glob.glob(os.path.join(ROOT, "test", "corpus", "seeds", "*.py")))
    golden = sorted(glob.glob(os.path.join(ROOT, "test", "golden", "cases", "scopes", "*.py")))
    golden += sorted(glob.glob(os.path.join(ROOT, "test", "golden", "cases", "grammar", "*.py")))
    for path in programs + golden:
        with open(path, encoding="utf-8") as f:
            src = f.read()
        try:
            code = compile(src, path, "exec")
        except SyntaxError:
            continue
        corpus[os.path.relpath(path, ROOT)] = name_ops(code)
        classes = corpus_mros(src) if path in programs else None
        if classes:
            corpus_classes[os.path.relpath(path, ROOT)] = classes
    fixture = {
        "errors": [error_fixture(n, s) for n, s in ERROR_CASES.items()],
        "mro": [mro_fixture(n, s) for n, s in MRO_CASES.items()],
        "unbound": [unbound_fixture(n, s, c) for n, (s, c) in UNBOUND_CASES.items()],
        "nameOpsCases": [{"name": n, "source": s, "ops": name_ops(compile(s, "snippet.py", "exec"))} for n, s in NAME_OPS_CASES.items()],
        "listings": [{"name": n, "source": s, "symtable": oracle("symtable_dump.py", s), "dis": oracle("dis_dump.py", s)}
                     for n, s in LISTING_CASES.items()],
        "corpusMro": corpus_classes,
        "nameOps": corpus,
    }
    out = os.path.join(ROOT, "test", "lsp", "fixtures", "cpython.json")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(fixture, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
