#!/usr/bin/env python3
"""Regenerate test/dap/fixtures/expected.json from CPython 3.11 (the oracle).

Everything the DAP tests compare against comes from here, so no expected value is ever copied
from PyXray's own output:
  - output: what `python3 FILE` prints (stdout, stderr) and its exit status, the fixture
    directory replaced by <FIXTURES>;
  - codeLines: the lines on which some code object starts an instruction (dis.findlinestarts over
    every code object), which is where a line breakpoint may land;
  - dis: dis.get_instructions of the module code: offset, `OPNAME arg (argrepr)`, line;
  - refcounts: for refcount.py, the referrers of `a` before each listed line runs
    (sys.getrefcount(a) - 1: the call's own argument is not a reference the program holds);
  - reprs: repr() of values the tests look at.
usage: python3 test/dap/generate_expected.py
"""
import dis
import json
import os
import subprocess
import sys
import types

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, 'fixtures')
# Programs of the shared corpus the DAP tests run (the "Must show" list).
CORPUS = os.path.join(HERE, '..', 'corpus', 'seeds')


# stdin text and argv for fixtures that read them (the DAP test passes the same in launch.json).
RUN_INPUTS = {'stdin_args.py': ('Ada\nsecond line\n', ['--flag', 'x y']), 'ask.py': ('Ada\n', [])}


def run(name, directory=FIXTURES):
    path = os.path.join(directory, name)
    stdin, args = RUN_INPUTS.get(name, ('', []))
    p = subprocess.run([sys.executable, path, *args], input=stdin, capture_output=True, text=True, cwd=directory)
    norm = lambda s: s.replace(os.path.abspath(directory) + os.sep, '<FIXTURES>/')
    return {'stdout': norm(p.stdout), 'stderr': norm(p.stderr), 'exitCode': p.returncode}


def code_objects(code):
    yield code
    for c in code.co_consts:
        if isinstance(c, types.CodeType):
            yield from code_objects(c)


def source_of(name, directory=FIXTURES):
    with open(os.path.join(directory, name), encoding='utf-8') as f:
        return f.read()


def code_lines(name, directory=FIXTURES):
    code = compile(source_of(name, directory), os.path.join(directory, name), 'exec')
    lines = set()
    for co in code_objects(code):
        for _, line in dis.findlinestarts(co):
            if line is not None and line > 0:
                lines.add(line)
    return sorted(lines)


def instruction_text(ins):
    text = ins.opname
    if ins.arg is not None:
        text += f' {ins.arg}'
    if ins.argrepr:
        text += f' ({ins.argrepr})'
    return text


def dis_listing(name):
    code = compile(source_of(name), os.path.join(FIXTURES, name), 'exec')
    return [{'offset': i.offset, 'text': instruction_text(i), 'line': i.positions.lineno} for i in dis.get_instructions(code)]


def refcounts_before(name, variable, lines, directory=FIXTURES):
    """Run the fixture with a probe before each listed line, reporting the variable's referrers.

    `variable` is an expression; its value reaches getrefcount as one temporary (the argument),
    which the `- 1` removes."""
    src = source_of(name, directory).splitlines()
    probed = ['import sys as __sys', '__counts = {}']
    for n, text in enumerate(src, start=1):
        if n in lines:
            indent = text[:len(text) - len(text.lstrip())]
            probed.append(f'{indent}__counts[{n}] = __sys.getrefcount({variable}) - 1')
        probed.append(text)
    probed.append('print(__counts)')
    out = subprocess.run([sys.executable, '-c', '\n'.join(probed)], capture_output=True, text=True, check=True).stdout
    counts = eval(out.strip().splitlines()[-1])
    return {str(k): v for k, v in counts.items()}


def value_reprs(name, stop_line):
    """repr() of each global the fixture has bound before `stop_line` runs, addresses as 0x…."""
    import re
    src = source_of(name).splitlines()[:stop_line - 1]
    probe = src + ['import json as __json', "print(__json.dumps({k: repr(v) for k, v in dict(globals()).items() if not k.startswith('__')}))"]
    out = subprocess.run([sys.executable, '-c', '\n'.join(probe)], capture_output=True, text=True, check=True).stdout
    return {k: re.sub(r'0x[0-9a-f]+', '0x…', v) for k, v in json.loads(out.strip().splitlines()[-1]).items()}


def call_positions(name, function):
    """co_positions of the CALL instructions in one function: where a caller frame points."""
    code = compile(source_of(name), os.path.join(FIXTURES, name), 'exec')
    co = next(c for c in code_objects(code) if c.co_qualname == function)
    return [list(i.positions) for i in dis.get_instructions(co) if i.opname == 'CALL']


def line_events(name):
    """The (co_qualname, line) of every 'line' event sys.settrace sees in the fixture."""
    path = os.path.join(FIXTURES, name)
    events = []

    def tracer(frame, event, arg):
        if frame.f_code.co_filename != path:
            return None
        if event == 'line':
            events.append([frame.f_code.co_qualname, frame.f_lineno])
        return tracer

    code = compile(source_of(name), path, 'exec')
    saved = sys.stdout
    sys.stdout = open(os.devnull, 'w')
    sys.settrace(tracer)
    try:
        exec(code, {'__name__': '__main__'})
    finally:
        sys.settrace(None)
        sys.stdout.close()
        sys.stdout = saved
    return events


def values_before(name, expression, lines, directory=FIXTURES):
    """The value (as JSON) of `expression` just before each listed line runs. The probe goes on the
    same line (`probe; statement`), so line numbers (f_lineno...) stay the file's: each listed line
    must hold a simple statement."""
    src = source_of(name, directory).splitlines()
    store = "__import__('builtins').__dict__.setdefault('_probe_values', {})"
    probed = []
    for n, text in enumerate(src, start=1):
        if n in lines:
            indent = text[:len(text) - len(text.lstrip())]
            text = f'{indent}{store}[{n}] = {expression}; {text.lstrip()}'
        probed.append(text)
    probed.append(f"print(__import__('json').dumps({store}))")
    out = subprocess.run([sys.executable, '-c', '\n'.join(probed)], capture_output=True, text=True, check=True, cwd=directory).stdout
    return json.loads(out.strip().splitlines()[-1])


def values_each_time(name, expression, line, directory=FIXTURES):
    """The value (as JSON) of `expression` each time just before `line` runs, in order (the probe
    goes on the same line, as in values_before)."""
    src = source_of(name, directory).splitlines()
    store = "__import__('builtins').__dict__.setdefault('_probe_values', [])"
    text = src[line - 1]
    indent = text[:len(text) - len(text.lstrip())]
    src[line - 1] = f'{indent}{store}.append({expression}); {text.lstrip()}'
    src.append(f"print(__import__('json').dumps({store}))")
    out = subprocess.run([sys.executable, '-c', '\n'.join(src)], capture_output=True, text=True, check=True, cwd=directory).stdout
    return json.loads(out.strip().splitlines()[-1])


def run_with_statement(name, line, statement, directory=FIXTURES):
    """stdout of the program with `statement` run just before `line` (what setVariable does there)."""
    src = source_of(name, directory).splitlines()
    text = src[line - 1]
    indent = text[:len(text) - len(text.lstrip())]
    src.insert(line - 1, indent + statement)
    return subprocess.run([sys.executable, '-c', '\n'.join(src)], capture_output=True, text=True, check=True, cwd=directory).stdout


def raise_points(name, directory=FIXTURES):
    """Where a debugger's 'raised' filter stops, from CPython's own tracing: for each exception, the
    first 'exception' event (sys.settrace) in a frame of the fixture's file — [co_qualname, line,
    {local: repr}, traceback.format_exception text then (the traceback holds only the frames the
    exception has passed through so far)]."""
    import traceback
    path = os.path.join(directory, name)
    seen, points = [], []

    def tracer(frame, event, arg):
        if event == 'exception' and frame.f_code.co_filename == path and not any(e is arg[1] for e in seen):
            seen.append(arg[1])
            text = ''.join(traceback.format_exception(arg[0], arg[1], arg[2]))
            points.append([frame.f_code.co_qualname, frame.f_lineno, {k: repr(v) for k, v in frame.f_locals.items()}, text.replace(directory + os.sep, '<FIXTURES>/')])
        return tracer

    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = open(os.devnull, 'w')
    sys.settrace(tracer)
    try:
        exec(compile(source_of(name, directory), path, 'exec'), {'__name__': '__main__'})
    except BaseException:
        pass
    finally:
        sys.settrace(None)
        sys.stdout.close()
        sys.stdout, sys.stderr = saved
    return points


def return_lines(name, qualname, directory=FIXTURES):
    """f_lineno of each frame of `qualname` at its 'return' trace event: where the frame stands as
    it is left (after a `finally` clause ran, when an exception leaves it)."""
    path = os.path.join(directory, name)
    lines = []

    def tracer(frame, event, arg):
        if event == 'return' and frame.f_code.co_qualname == qualname:
            lines.append(frame.f_lineno)
        return tracer

    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = open(os.devnull, 'w')
    sys.settrace(tracer)
    try:
        exec(compile(source_of(name, directory), path, 'exec'), {'__name__': '__main__'})
    except BaseException:
        pass
    finally:
        sys.settrace(None)
        sys.stdout.close()
        sys.stdout, sys.stderr = saved
    return lines


def memory_bytes(name, names):
    """The bytes CPython has at id(value) for each name (ctypes.string_at over sys.getsizeof bytes), hex."""
    probe = source_of(name) + '''
import ctypes as __ct, sys as __sys, json as __json
print(__json.dumps({__n: __ct.string_at(id(__v), __sys.getsizeof(__v)).hex() for __n, __v in globals().items() if __n in %r}))
''' % (names,)
    out = subprocess.run([sys.executable, '-c', probe], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def completions(name, stop_line, prefixes):
    """What a debug console could complete at `stop_line`: for 'x.pre', dir(x) entries starting with
    'pre'; for 'pre', the names in scope (globals and builtins) starting with it."""
    src = source_of(name).splitlines()[:stop_line - 1]
    probe = src + ['import json as __json, builtins as __b', '__out = {}']
    for p in prefixes:
        if '.' in p:
            obj, pre = p.rsplit('.', 1)
            probe.append(f'__out[{p!r}] = sorted(n for n in dir({obj}) if n.startswith({pre!r}))')
        else:
            probe.append(f'__out[{p!r}] = sorted(n for n in set(globals()) | set(dir(__b)) if n.startswith({p!r}) and not n.startswith("__"))')
    probe.append('print(__json.dumps(__out))')
    out = subprocess.run([sys.executable, '-c', '\n'.join(probe)], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def call_sources(name, line):
    """The source text of each call on `line` of the module code, in bytecode order (co_positions)."""
    code = compile(source_of(name), os.path.join(FIXTURES, name), 'exec')
    text = source_of(name).splitlines()[line - 1].encode('utf-8')
    out = []
    for i in dis.get_instructions(code):
        p = i.positions
        if i.opname == 'CALL' and p.lineno == line and p.end_lineno == line:
            out.append(text[p.col_offset:p.end_col_offset].decode('utf-8'))
    return out


def exception_entry(name, function, line):
    """dis's exception table entry covering the first instruction of `line` in `function`."""
    code = compile(source_of(name), os.path.join(FIXTURES, name), 'exec')
    co = next(c for c in code_objects(code) if c.co_qualname == function)
    offset = next(i.offset for i in dis.get_instructions(co) if i.positions.lineno == line)
    for e in dis._parse_exception_table(co):
        if e.start <= offset < e.end:
            return f'{e.start} to {e.end - 2} -> {e.target} [{e.depth}]' + (' lasti' if e.lasti else '')
    return None


def line_events_of_source(name, old, new):
    """line_events of the fixture with `old` replaced by `new` (a shorter run, same lines)."""
    path = os.path.join(FIXTURES, name)
    events = []

    def tracer(frame, event, arg):
        if frame.f_code.co_filename != path:
            return None
        if event == 'line':
            events.append([frame.f_code.co_qualname, frame.f_lineno])
        return tracer

    code = compile(source_of(name).replace(old, new), path, 'exec')
    saved = sys.stdout
    sys.stdout = open(os.devnull, 'w')
    sys.settrace(tracer)
    try:
        exec(code, {'__name__': '__main__'})
    finally:
        sys.settrace(None)
        sys.stdout.close()
        sys.stdout = saved
    return events


def loop_transitions():
    lines = [line for q, line in line_events_of_source('loop_fn.py', 'spin(3 * 10 ** 6)', 'spin(5)') if q == 'spin']
    return sorted({(a, b) for a, b in zip(lines, lines[1:])})


def breakpoint_hits(name, lines):
    """(co_qualname, line) of each line event on one of `lines`: the stops a debugger makes there,
    in order, including code run from native callbacks (class bodies, __repr__ from print, sort keys)."""
    return [e for e in line_events(name) if e[1] in lines]


def main():
    expected = {
        'generator': 'test/dap/generate_expected.py',
        'python': sys.version.split()[0],
        'output': {n: run(n) for n in ['hello.py', 'uncaught.py', 'raised.py', 'nested.py', 'ask.py', 'thread_error.py', 'uncaught_finally.py', 'uncaught_native.py', 'raised_iter.py', 'atexit_error.py', 'heap_growth.py', 'tasks.py', 'syntax_unclosed.py', 'syntax_indent.py', 'closure.py', 'augassign.py', 'conditional.py', 'stdin_args.py']},
        'runInputs': {n: {'stdin': i, 'args': a} for n, (i, a) in RUN_INPUTS.items()},
        'codeLines': {n: code_lines(n) for n in ['breakpoints.py', 'closure.py']},
        'lineCount': {n: len(source_of(n).splitlines()) for n in ['breakpoints.py']},
        'dis': {n: dis_listing(n) for n in ['augassign.py']},
        'refcounts': {
            'refcount.py': refcounts_before('refcount.py', 'a', [2, 3]),
            # the cell of `v`, seen from inside inner (outer's frame, inner's __closure__, inner's frame)
            'closure.py cell v': refcounts_before('closure.py', "__sys._getframe(1).f_locals['inner'].__closure__[0]", [4]),
        },
        'lineEvents': {n: line_events(n) for n in ['lines.py', 'closure.py', 'augassign.py', 'nested.py']},
        # Consecutive line events inside spin(): what stepping by line after a pause must follow.
        'loopTransitions': loop_transitions(),
        'breakpointHits': {'nested.py': breakpoint_hits('nested.py', [2, 5, 9, 13])},
        'callSources': {'nested.py 16': call_sources('nested.py', 16)},
        # Attributes read at nested.py line 17: points[0].x, Point.dims.
        'attributes': values_before('nested.py', '[repr(points[0].x), repr(Point.dims)]', [17])['17'],
        # Inside worker() (line 6): every task's name, whether it is the running one, and done().
        'tasks': values_before('tasks.py', "sorted([t.get_name(), t is asyncio.current_task(), t.done()] for t in asyncio.all_tasks())", [6])['6'],
        'exceptionEntry': {'raised.py parse_all 9': exception_entry('raised.py', 'parse_all', 9)},
        # Before line 18 of gen.py: the generator's state, its frame's locals and line; Child's __mro__.
        'generator': values_before('gen.py', "[__import__('inspect').getgeneratorstate(g), {k: repr(v) for k, v in g.gi_frame.f_locals.items()}, g.gi_frame.f_lineno, repr(Child.__mro__)]", [18])['18'],
        'values': {'values.py': value_reprs('values.py', 39)},
        'callPositions': {'closure.py outer': call_positions('closure.py', 'outer')},
        'reprs': {'closure.py v': repr([1, 2]), 'augassign.py x': [repr(1000), repr(1), repr(1001)],
                  # The debugger shows a long repr's first 2000 characters.
                  'big_list.py 3': values_before('big_list.py', '[repr(big)[:2000], repr(nested)[:2000]]', [3])['3']},
        'corpus': {
            'output': {n: run(n, CORPUS) for n in ['s000_50_refcount_scenario.py', 's001_54_getrefcount_del.py', 's000_28_thread_ctor_and_subclass.py', 's003_78_gc_collect_cycle_variant.py', 's003_20_process_memory_isolated.py']},
            # gc.get_count() and gc.get_stats() before gc.collect() (line 24) and after it (line 26).
            'gc s003_78': values_before('s003_78_gc_collect_cycle_variant.py', '[list(gc.get_count()), gc.get_stats()]', [24, 26], CORPUS),
            'codeLines': {n: code_lines(n, CORPUS) for n in ['s001_54_getrefcount_del.py']},
            'refcounts': {
                's000_50_refcount_scenario.py a': refcounts_before('s000_50_refcount_scenario.py', 'a', [6, 7, 8], CORPUS),
                's001_54_getrefcount_del.py a': refcounts_before('s001_54_getrefcount_del.py', 'a', [12, 13, 14], CORPUS),
            },
            # Assignments made while stopped before line 8 of s000_50 (setVariable on a[0],
            # setExpression on a new name c): the program goes on with them.
            'setVariable s000_50 a[0]=a before 8': run_with_statement('s000_50_refcount_scenario.py', 8, 'a[0] = a', CORPUS),
            'setExpression s000_50 c=a before 8': run_with_statement('s000_50_refcount_scenario.py', 8, 'c = a', CORPUS),
        },
        # The raise point of each exception (the 'raised' filter's stops) and, for uncaught.py, of
        # the one that ends the program (where the 'uncaught' filter stops, its frames alive).
        'raisePoints': {n: raise_points(n) for n in ['raised.py', 'raised_iter.py', 'uncaught.py', 'uncaught_finally.py']},
        # [repr(i), repr(x)] before each run of loop_local.py's line 3 (x was just written).
        'valuesEachTime': {'loop_local.py 3': values_each_time('loop_local.py', '[repr(i), repr(x)]', 3)},
        'returnLines': {'uncaught_finally.py inner': return_lines('uncaught_finally.py', 'inner')},
        'memory': memory_bytes('memory.py', ['small', 'big', 'zero', 'ratio', 'word', 'accented', 'wide', 'pair']),
        'completions': completions('memory.py', 9, ['word.up', 'pair.co', 'wo', 'ra', 'sm']),
    }
    with open(os.path.join(FIXTURES, 'expected.json'), 'w', encoding='utf-8') as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write('\n')


if __name__ == '__main__':
    main()
