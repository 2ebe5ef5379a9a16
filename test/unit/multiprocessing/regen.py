#!/usr/bin/env python3
"""Regenerate the expected outputs of the multiprocessing cases from CPython 3.11.

Runs every test/unit/multiprocessing/cases/*.py under python3 (PYTHONHASHSEED=0) from the scratch path
the tests use (/tmp/stdlib_case/case.py, shared with the stdlib cases so tracebacks name the
same file) and writes stdout+stderr interleaved next to the case as NAME.out.
usage: python3 test/unit/multiprocessing/regen.py [name-filter]
"""
import os
import subprocess
import sys
from pathlib import Path

CASES = Path(__file__).resolve().parent / 'cases'
PROGRAM = Path('/tmp/stdlib_case/case.py')
LIBDIR = os.path.dirname(os.__file__)


def main():
    assert sys.version_info[:2] == (3, 11), 'expected outputs come from CPython 3.11'
    name_filter = sys.argv[1] if len(sys.argv) > 1 else ''
    PROGRAM.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONHASHSEED='0', PYTHONIOENCODING='utf-8', PYTHONDONTWRITEBYTECODE='1',
               PYTHONUNBUFFERED='1')
    count = 0
    for case in sorted(CASES.glob('*.py')):
        if name_filter not in case.name:
            continue
        PROGRAM.write_text(case.read_text(encoding='utf-8'), encoding='utf-8')
        result = subprocess.run([sys.executable, str(PROGRAM)], cwd=PROGRAM.parent, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
        output = result.stdout.replace(LIBDIR.encode(), b'/usr/lib/python3.11')
        case.with_suffix('.out').write_bytes(output)
        count += 1
    print(f'wrote {count} expected outputs')


if __name__ == '__main__':
    main()
