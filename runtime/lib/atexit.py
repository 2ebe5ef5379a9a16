"""atexit for the runtime: functions run at interpreter exit, last registered first, after the
non-daemon threads have finished (Py_FinalizeEx's order). An exception in one is reported as
CPython reports it ("Exception ignored in atexit callback: ...") and the others still run."""

import sys

_callbacks = []


def register(func, *args, **kwargs):
    if not callable(func):
        raise TypeError('the first argument must be callable')
    _callbacks.append((func, args, kwargs))
    return func


def unregister(func):
    _callbacks[:] = [c for c in _callbacks if c[0] != func]


def _ncallbacks():
    return len(_callbacks)


def _clear():
    _callbacks.clear()


def _run_exitfuncs():
    while _callbacks:
        func, args, kwargs = _callbacks.pop()
        try:
            func(*args, **kwargs)
        except BaseException as e:
            import traceback
            sys.stderr.write(f"Exception ignored in atexit callback: {func!r}\n")
            # The callback's own frames only, as the C caller adds none.
            traceback.print_exception(type(e), e, e.__traceback__.tb_next, file=sys.stderr)
