"""Coroutine helpers (CPython 3.11 Lib/asyncio/coroutines.py): type checks and the text
Task reprs use for a coroutine ("main() running at FILE:LINE")."""

__all__ = ('iscoroutinefunction', 'iscoroutine')

import types

_CO_COROUTINE = 0x80
_is_coroutine = object()


def iscoroutinefunction(func):
    """True for an `async def` function (or one marked with asyncio's _is_coroutine)."""
    if type(func).__name__ == 'method':
        func = func.__func__
    code = getattr(func, '__code__', None)
    if code is not None and code.co_flags & _CO_COROUTINE:
        return True
    return getattr(func, '_is_coroutine', None) is _is_coroutine


def iscoroutine(obj):
    """True for coroutine objects and anything collections.abc.Coroutine recognises (a class
    with __await__, send, throw and close)."""
    t = type(obj)
    if t.__name__ == 'coroutine':
        return True
    return (hasattr(t, '__await__') and hasattr(t, 'send') and hasattr(t, 'throw')
            and hasattr(t, 'close'))


def _format_coroutine(coro):
    if getattr(coro, '__qualname__', None):
        name = coro.__qualname__
    elif getattr(coro, '__name__', None):
        name = coro.__name__
    else:
        name = f'<{type(coro).__name__} without __name__>'
    name = name + '()'

    code = getattr(coro, 'cr_code', None) or getattr(coro, 'gi_code', None)
    if not code:
        running = getattr(coro, 'cr_running', getattr(coro, 'gi_running', False))
        return f'{name} running' if running else name

    frame = getattr(coro, 'gi_frame', None) or getattr(coro, 'cr_frame', None)
    filename = code.co_filename or '<empty co_filename>'
    if frame is not None:
        return f'{name} running at {filename}:{frame.f_lineno}'
    return f'{name} done, defined at {filename}:{code.co_firstlineno}'
