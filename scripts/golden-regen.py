#!/usr/bin/env python3
"""Regenerate the front end's golden files from CPython 3.11, the oracle the project is held to.

For every test/golden/cases/**/*.py and every test/corpus/seeds/*.py this writes what the
oracle scripts in test/oracle print for it:
  test/golden/expected/ast/<path under test/, .py -> .txt>       ast_dump.py FILE --positions
  test/golden/expected/symtable/<same>.txt                      symtable_dump.py FILE
  test/golden/expected/dis/<same>.txt                           dis_dump.py FILE
and deletes expected files whose source no longer exists, so the tree is exactly the sources'.

usage: scripts/golden-regen.py [--subprocess] [--check]
  --subprocess  run each oracle script as its own process (slow; the reference way). The
                default imports the oracle scripts into a pool of workers and calls their main()
                with sys.argv and stdout swapped, which prints byte-identical text.
  --check       write nothing; exit 1 and list the files whose expected text would change.

Determinism: oracles run with PYTHONHASHSEED=0 (frozenset constants in dis depend on string
hashes; the script re-executes itself when the variable is not set), from the test/ folder with
paths relative to it; the dumps contain no paths. Expected files are never edited by hand.
"""
import contextlib
import importlib.util
import io
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

if sys.version_info[:2] != (3, 11):
    sys.exit(
        f"golden-regen.py needs CPython 3.11 (the project's oracle), but this is "
        f"{sys.version.split()[0]} at {sys.executable}. Run it with a python3.11 interpreter."
    )

REPO = Path(__file__).resolve().parent.parent
TEST_DIR = REPO / "test"
ORACLE_DIR = TEST_DIR / "oracle"
EXPECTED_DIR = TEST_DIR / "golden" / "expected"

# kind -> (oracle script, extra arguments)
ORACLES = {
    "ast": ("ast_dump.py", ["--positions"]),
    "symtable": ("symtable_dump.py", []),
    "dis": ("dis_dump.py", []),
}


def source_files() -> list[str]:
    """Paths relative to test/, in a stable order."""
    cases = sorted((TEST_DIR / "golden" / "cases").rglob("*.py"))
    seeds = sorted((TEST_DIR / "corpus" / "seeds").glob("*.py"))
    return [p.relative_to(TEST_DIR).as_posix() for p in cases + seeds]


def expected_path(kind: str, rel: str) -> Path:
    return EXPECTED_DIR / kind / (rel[: -len(".py")] + ".txt")


_loaded_oracles: dict = {}


def oracle_module(kind: str):
    # Loaded once per worker; the scripts keep no state between calls to main().
    if kind not in _loaded_oracles:
        script = ORACLE_DIR / ORACLES[kind][0]
        spec = importlib.util.spec_from_file_location(f"oracle_{kind}", script)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        _loaded_oracles[kind] = module
    return _loaded_oracles[kind]


def run_in_process(kind: str, rel: str) -> tuple[int, str, str]:
    module = oracle_module(kind)
    out, err = io.StringIO(), io.StringIO()
    saved_argv = sys.argv
    sys.argv = [ORACLES[kind][0], rel, *ORACLES[kind][1]]
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = module.main()
    except BaseException as exc:  # an oracle crash (e.g. RecursionError) must be reported, not hidden
        return 1, out.getvalue(), f"{type(exc).__name__}: {exc}"
    finally:
        sys.argv = saved_argv
    return code, out.getvalue(), err.getvalue()


def run_subprocess(kind: str, rel: str) -> tuple[int, str, str]:
    script, extra = ORACLES[kind]
    proc = subprocess.run(
        [sys.executable, str(ORACLE_DIR / script), rel, *extra],
        cwd=TEST_DIR,
        env={**os.environ, "PYTHONHASHSEED": "0", "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    return proc.returncode, proc.stdout, proc.stderr


def generate(job: tuple[str, str, bool]) -> tuple[str, str, int, str, str]:
    kind, rel, use_subprocess = job
    code, out, err = (run_subprocess if use_subprocess else run_in_process)(kind, rel)
    return kind, rel, code, out, err


def init_worker() -> None:
    os.chdir(TEST_DIR)


def main() -> int:
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
    use_subprocess = "--subprocess" in sys.argv
    check_only = "--check" in sys.argv

    files = source_files()
    jobs = [(kind, rel, use_subprocess) for rel in files for kind in ORACLES]
    with multiprocessing.get_context("fork").Pool(os.cpu_count() or 2, initializer=init_worker) as pool:
        results = pool.map(generate, jobs, chunksize=16)

    failures, changed, wanted = [], [], set()
    for kind, rel, code, out, err in results:
        if code != 0:
            failures.append(f"{kind} {rel}: exit {code}: {err.strip()[-300:]}")
            continue
        path = expected_path(kind, rel)
        wanted.add(path)
        if not path.exists() or path.read_bytes() != out.encode("utf-8"):
            changed.append(path)
            if not check_only:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(out.encode("utf-8"))
    stale = [p for p in EXPECTED_DIR.rglob("*.txt") if p not in wanted]
    for path in stale:
        if not check_only:
            path.unlink()
    if not check_only:
        for folder in sorted(EXPECTED_DIR.rglob("*"), reverse=True):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()

    verb = "would change" if check_only else "written"
    print(f"{len(files)} sources x {len(ORACLES)} oracles: {len(changed)} {verb}, "
          f"{len(stale)} stale {'to delete' if check_only else 'deleted'}, {len(failures)} oracle failures")
    for path in (changed + stale)[:20] if check_only else []:
        print(f"  {path.relative_to(REPO)}")
    for line in failures:
        print(f"  FAILED {line}", file=sys.stderr)
    return 1 if failures or (check_only and (changed or stale)) else 0


if __name__ == "__main__":
    sys.exit(main())
