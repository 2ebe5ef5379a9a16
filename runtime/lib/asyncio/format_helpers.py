"""How asyncio names callbacks and values in reprs (CPython 3.11 Lib/asyncio/format_helpers.py),
with reprlib's size limits for values (strings 30 chars, lists 6 items, dicts 4, ints 40
digits, anything else 30 chars)."""

import functools


def _cut(s, limit):
    if len(s) <= limit:
        return s
    i = max(0, (limit - 3) // 2)
    j = max(0, limit - 3 - i)
    return s[:i] + '...' + s[len(s) - j:]


def _sorted_if_possible(x):
    try:
        return sorted(x)
    except Exception:
        return list(x)


def short_repr(x, level=6):
    """reprlib.repr(x): a repr bounded in size."""
    t = type(x)
    if t is str:
        s = repr(x[:30])
        if len(s) > 30:
            i = max(0, 27 // 2)
            j = max(0, 27 - i)
            s = repr(x[:i] + x[len(x) - j:])
            s = s[:i] + '...' + s[len(s) - j:]
        return s
    if t is int:
        return _cut(repr(x), 40)
    if t in (list, tuple, set, frozenset):
        left, right = {list: ('[', ']'), tuple: ('(', ')'), set: ('{', '}'),
                       frozenset: ('frozenset({', '})')}[t]
        if not x:
            return repr(x)
        if level <= 0:
            return left + '...' + right
        items = list(x) if t in (list, tuple) else _sorted_if_possible(x)
        pieces = [short_repr(v, level - 1) for v in items[:6]]
        if len(items) > 6:
            pieces.append('...')
        s = ', '.join(pieces)
        if t is tuple and len(items) == 1:
            right = ',' + right
        return left + s + right
    if t is dict:
        if not x:
            return '{}'
        if level <= 0:
            return '{...}'
        keys = _sorted_if_possible(x)
        pieces = [short_repr(k, level - 1) + ': ' + short_repr(x[k], level - 1) for k in keys[:4]]
        if len(x) > 4:
            pieces.append('...')
        return '{' + ', '.join(pieces) + '}'
    try:
        s = repr(x)
    except Exception:
        return '<%s instance at %#x>' % (type(x).__name__, id(x))
    return _cut(s, 30)


# Callback reprs name a function's source line; for asyncio's own callbacks that is the line in
# CPython's Lib/asyncio (ours are laid out differently).
_CPYTHON_LINES = {
    ('asyncio.base_events', '_run_until_complete_cb'): 180,
    ('asyncio.futures', '_set_result_unless_cancelled'): 311,
    ('asyncio.futures', '_chain_future.<locals>._call_check_cancel'): 387,
    ('asyncio.futures', '_chain_future.<locals>._call_set_state'): 394,
    ('asyncio.tasks', '_release_waiter'): 421,
    ('asyncio.tasks', '_wait.<locals>._on_completion'): 509,
    ('asyncio.tasks', 'as_completed.<locals>._on_timeout'): 586,
    ('asyncio.tasks', 'as_completed.<locals>._on_completion'): 592,
    ('asyncio.tasks', 'gather.<locals>._done_callback'): 754,
    ('asyncio.tasks', 'shield.<locals>._inner_done_callback'): 881,
    ('asyncio.tasks', 'shield.<locals>._outer_done_callback'): 898,
}


def _get_function_source(func):
    while hasattr(func, '__wrapped__'):
        func = func.__wrapped__
    if type(func).__name__ == 'function':
        code = func.__code__
        line = _CPYTHON_LINES.get((func.__module__, func.__qualname__), code.co_firstlineno)
        return (code.co_filename, line)
    if isinstance(func, functools.partial):
        return _get_function_source(func.func)
    return None


def _format_callback_source(func, args):
    func_repr = _format_callback(func, args, None)
    source = _get_function_source(func)
    if source:
        func_repr += f' at {source[0]}:{source[1]}'
    return func_repr


def _format_args_and_kwargs(args, kwargs):
    items = []
    if args:
        items.extend(short_repr(arg) for arg in args)
    if kwargs:
        items.extend(f'{k}={short_repr(v)}' for k, v in kwargs.items())
    return '({})'.format(', '.join(items))


def _format_callback(func, args, kwargs, suffix=''):
    if isinstance(func, functools.partial):
        suffix = _format_args_and_kwargs(args, kwargs) + suffix
        return _format_callback(func.func, func.args, func.keywords, suffix)
    if getattr(func, '__qualname__', None):
        func_repr = func.__qualname__
    elif getattr(func, '__name__', None):
        func_repr = func.__name__
    else:
        func_repr = repr(func)
    func_repr += _format_args_and_kwargs(args, kwargs)
    if suffix:
        func_repr += suffix
    return func_repr
