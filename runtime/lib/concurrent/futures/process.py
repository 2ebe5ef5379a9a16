"""ProcessPoolExecutor on PyXray's simulated processes: each task runs in a worker process of a
multiprocessing.Pool (its own heap; arguments and results are pickled across, so a lambda or a
local function fails as in CPython), and its result or exception completes the Future from the
pool's result-handler thread. CPython's Lib/concurrent/futures/process.py drives its own call
queue and management thread; the futures it hands out behave the same."""

import os
from concurrent.futures import _base


class BrokenProcessPool(_base.BrokenExecutor):
    """Raised when a process in a ProcessPoolExecutor terminated abruptly."""


class ProcessPoolExecutor(_base.Executor):

    def __init__(self, max_workers=None, mp_context=None,
                 initializer=None, initargs=(), *, max_tasks_per_child=None):
        if max_workers is None:
            self._max_workers = os.cpu_count() or 1
        else:
            if max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
            self._max_workers = max_workers
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._initializer = initializer
        self._initargs = initargs
        self._mp_context = mp_context
        self._pool = None
        self._shutdown_thread = False

    def _start_pool(self):
        if self._pool is None:
            import multiprocessing
            ctx = self._mp_context if self._mp_context is not None else multiprocessing
            self._pool = ctx.Pool(self._max_workers, self._initializer, self._initargs)
        return self._pool

    def submit(self, fn, /, *args, **kwargs):
        if self._shutdown_thread:
            raise RuntimeError('cannot schedule new futures after shutdown')
        f = _base.Future()

        def done(result):
            f.set_running_or_notify_cancel() and f.set_result(result)

        def failed(exc):
            f.set_running_or_notify_cancel() and f.set_exception(exc)

        self._start_pool().apply_async(fn, args, kwargs, callback=done, error_callback=failed)
        return f
    submit.__doc__ = _base.Executor.submit.__doc__

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        return super().map(fn, *iterables, timeout=timeout)

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown_thread = True
        if self._pool is not None:
            self._pool.close()
            if wait:
                self._pool.join()
    shutdown.__doc__ = _base.Executor.shutdown.__doc__
