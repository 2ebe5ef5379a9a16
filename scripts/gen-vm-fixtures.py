#!/usr/bin/env python3
"""Regenerate the VM unit-test fixtures from CPython 3.11 (needs python3 3.11).

For each test/unit/vm/programs/NAME.py this writes test/unit/vm/fixtures/NAME.json holding
CPython's compiled code object (in the shape of runtime/src/compiler/codeObject.ts, via
scripts/dev/cpython-code-json.py) and what CPython printed (stdout and stderr merged,
normalised like test/oracle/normalize.py with the program folder as $DIR) and its exit code.
The VM tests run the code object and must print exactly that.
"""
import importlib.util
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "test", "unit", "vm", "programs")
FIXTURES = os.path.join(ROOT, "test", "unit", "vm", "fixtures")


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    saved = sys.argv
    sys.argv = [path, os.devnull]
    try:
        spec.loader.exec_module(mod)
    finally:
        sys.argv = saved
    return mod


def main():
    # The code objects are made in this process: a frozenset constant's items are stored in its
    # iteration order, which depends on str hashes, so compile under the seed the programs run with.
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
    codejson = load("cpython_code_json", os.path.join(ROOT, "scripts", "dev", "cpython-code-json.py"))
    normalize = load("normalize", os.path.join(ROOT, "test", "oracle", "normalize.py"))
    os.makedirs(FIXTURES, exist_ok=True)
    for name in sorted(os.listdir(PROGRAMS)):
        if not name.endswith(".py"):
            continue
        path = os.path.join(PROGRAMS, name)
        source = open(path, encoding="utf-8").read()
        code = codejson.code(compile(source, path, "exec"))
        env = dict(os.environ, PYTHONHASHSEED="0", PYTHONUNBUFFERED="1")
        run = subprocess.run([sys.executable, name], cwd=PROGRAMS, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
        output = normalize.normalise(run.stdout, PROGRAMS)
        out = {"program": name, "code": code, "output": output, "exitCode": run.returncode}
        with open(os.path.join(FIXTURES, name[:-3] + ".json"), "w", encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False)
            f.write("\n")
        print(f"{name}: exit {run.returncode}")


if __name__ == "__main__":
    main()
