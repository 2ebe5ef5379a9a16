#!/usr/bin/env python3
"""Regenerate the expected outputs of the behaviour tests from CPython 3.11.

For each test/golden/behaviour/cases/NAME.py this runs, under `PYTHONHASHSEED=0 python3`, the
program the harness (test/golden/behaviour.test.ts) runs: the line `_PRELUDE_LINES = N`, then
prelude.py, then the case; and writes what CPython printed (stdout and stderr merged, the
program folder replaced by $DIR,
addresses by 0x?) to expected/NAME.out. A case must exit with status 0: every
probe catches its own exception. `--check` only reports files that would change (exit 1).
"""
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BEHAVIOUR = os.path.join(ROOT, "test", "golden", "behaviour")
CASES = os.path.join(BEHAVIOUR, "cases")
EXPECTED = os.path.join(BEHAVIOUR, "expected")


def combine(prelude, case):
    # Keep in step with combine() in test/golden/behaviour.test.ts.
    return f"_PRELUDE_LINES = {prelude.count(chr(10)) + 1}\n" + prelude + case


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("behaviour-regen.py needs CPython 3.11")
    check = "--check" in sys.argv[1:]
    with open(os.path.join(BEHAVIOUR, "prelude.py"), encoding="utf-8") as f:
        prelude = f.read()
    os.makedirs(EXPECTED, exist_ok=True)
    names = sorted(n for n in os.listdir(CASES) if n.endswith(".py"))
    changed, failed = [], []
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            with open(os.path.join(CASES, name), encoding="utf-8") as f:
                source = combine(prelude, f.read())
            program = os.path.join(folder, name)
            with open(program, "w", encoding="utf-8") as f:
                f.write(source)
            env = dict(os.environ, PYTHONHASHSEED="0", PYTHONUNBUFFERED="1", PYTHONIOENCODING="utf-8")
            run = subprocess.run([sys.executable, name], cwd=folder, env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, timeout=120)
            output = run.stdout.decode("utf-8").replace(folder + "/", "$DIR/")
            output = re.sub(r"0x[0-9a-fA-F]{6,}", "0x?", output)
            if run.returncode != 0:
                failed.append(f"{name}: exit {run.returncode}\n{output[-800:]}")
                continue
            target = os.path.join(EXPECTED, name[:-3] + ".out")
            old = open(target, encoding="utf-8").read() if os.path.exists(target) else None
            if old != output:
                changed.append(name)
                if not check:
                    with open(target, "w", encoding="utf-8") as f:
                        f.write(output)
    wanted = {n[:-3] + ".out" for n in names}
    for stale in sorted(set(os.listdir(EXPECTED)) - wanted):
        changed.append(stale + " (stale)")
        if not check:
            os.remove(os.path.join(EXPECTED, stale))
    for line in failed:
        print("FAILED", line, file=sys.stderr)
    for name in changed:
        print(("would change " if check else "wrote ") + name)
    print(f"{len(names)} cases, {len(changed)} changed, {len(failed)} failed")
    sys.exit(1 if failed or (check and changed) else 0)


if __name__ == "__main__":
    main()
