#!/usr/bin/env python3
"""Regenerate the memory probes' expected outputs from CPython 3.11.

usage: python3 scripts/probes-regen.py [NAME ...]     (default: every case)

Each test/golden/probes/cases/NAME.py runs as
  PYTHONHASHSEED=0 PYTHONUNBUFFERED=1 python3 NAME.py
from the cases folder; its merged stdout+stderr, normalised by test/oracle/normalize.py (the
folder becomes $DIR, standard-library traceback frames dropped, 0x addresses become 0x?), is
written to test/golden/probes/expected/NAME.out, followed by a last line `exit N` when the exit
code is not 0. test/golden/probes.test.ts compares pyxray's output with these files.
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = os.path.join(ROOT, "test", "golden", "probes", "cases")
EXPECTED = os.path.join(ROOT, "test", "golden", "probes", "expected")
sys.path.insert(0, os.path.join(ROOT, "test", "oracle"))
from normalize import normalise  # noqa: E402


def regen(name: str) -> None:
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONUNBUFFERED="1")
    proc = subprocess.run([sys.executable, name + ".py"], cwd=CASES, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=60)
    text = normalise(proc.stdout.decode("utf-8", "replace"), CASES)
    if proc.returncode != 0:
        text += f"exit {proc.returncode}\n"
    with open(os.path.join(EXPECTED, name + ".out"), "w", encoding="utf-8") as f:
        f.write(text)


def main() -> None:
    if sys.version_info[:2] != (3, 11):
        sys.exit("probes-regen.py must run under CPython 3.11")
    names = sys.argv[1:] or sorted(f[:-3] for f in os.listdir(CASES) if f.endswith(".py"))
    os.makedirs(EXPECTED, exist_ok=True)
    for name in names:
        regen(name)
    print(f"regenerated {len(names)} probe outputs")


if __name__ == "__main__":
    main()
