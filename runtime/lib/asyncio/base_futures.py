"""Future and Task reprs (CPython 3.11 Lib/asyncio/base_futures.py and base_tasks.py)."""

from . import format_helpers
from . import coroutines

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


def isfuture(obj):
    """An asyncio Future, or anything that declares itself one (duck-typed like CPython)."""
    return (hasattr(obj.__class__, '_asyncio_future_blocking') and
            obj._asyncio_future_blocking is not None)


def _format_callbacks(cb):
    size = len(cb)

    def format_cb(callback):
        return format_helpers._format_callback_source(callback, ())

    text = ''
    if size == 1:
        text = format_cb(cb[0][0])
    elif size == 2:
        text = '{}, {}'.format(format_cb(cb[0][0]), format_cb(cb[1][0]))
    elif size > 2:
        text = '{}, <{} more>, {}'.format(format_cb(cb[0][0]), size - 2, format_cb(cb[-1][0]))
    return f'cb=[{text}]'


def _future_repr_info(future):
    info = [future._state.lower()]
    if future._state == _FINISHED:
        if future._exception is not None:
            info.append(f'exception={future._exception!r}')
        else:
            info.append(f'result={format_helpers.short_repr(future._result)}')
    if future._callbacks:
        info.append(_format_callbacks(future._callbacks))
    return info


_repr_running = set()


def _guarded(fn, obj):
    # reprlib.recursive_repr: a Future whose result contains itself shows '...'.
    key = id(obj)
    if key in _repr_running:
        return '...'
    _repr_running.add(key)
    try:
        return fn(obj)
    finally:
        _repr_running.discard(key)


def _future_repr(future):
    return _guarded(lambda f: f'<{f.__class__.__name__} {" ".join(_future_repr_info(f))}>', future)


def _task_repr_info(task):
    info = _future_repr_info(task)
    if task.cancelling() and not task.done():
        info[0] = 'cancelling'
    info.insert(1, 'name=%r' % task.get_name())
    info.insert(2, f'coro=<{coroutines._format_coroutine(task._coro)}>')
    if task._fut_waiter is not None:
        info.insert(3, f'wait_for={task._fut_waiter!r}')
    return info


def _task_repr(task):
    return _guarded(lambda t: f'<{t.__class__.__name__} {" ".join(_task_repr_info(t))}>', task)
