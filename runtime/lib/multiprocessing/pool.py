"""Process pools (CPython 3.11 Lib/multiprocessing/pool.py) on simulated processes: worker
processes "ForkPoolWorker-N" (forked when the pool starts, so they see __main__ as it was
then) take tasks — chunks of (function, arguments) — from the pool's task queue, and a
result-handler thread in the parent stores each result and runs the callbacks, in the order
results come back. Tasks and results are pickled (reduction): a lambda or local function
fails with pickle's error. ThreadPool runs the same machinery on threads."""

__all__ = ['Pool', 'ThreadPool']

import collections
import itertools
import os
import threading
import time
import types

from . import process
from . import reduction

INIT = "INIT"
RUN = "RUN"
CLOSE = "CLOSE"
TERMINATE = "TERMINATE"

job_counter = itertools.count()


class TimeoutError(Exception):
    pass


TimeoutError.__module__ = 'multiprocessing.context'


# Plain Python loops rather than map()/starmap(): a task that blocks (sleeps, waits on a lock)
# inside a native callback could not let the other simulated processes run meanwhile.
def mapstar(args):
    fn, items = args
    return [fn(x) for x in items]


def starmapstar(args):
    fn, items = args
    return [fn(*x) for x in items]


class RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class MaybeEncodingError(Exception):
    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super().__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)


class _Channel:
    """A thread-safe FIFO between the pool's parts (CPython uses pipes and queues)."""

    _mp_shared = True

    def __init__(self):
        self._items = collections.deque()
        self._cond = threading.Condition(threading.Lock())

    def put(self, item):
        with self._cond:
            self._items.append(item)
            self._cond.notify()

    def get(self):
        with self._cond:
            while not self._items:
                self._cond.wait()
            return self._items.popleft()


def _resolve(func, namespace):
    """A task's function as the worker process sees it: __main__'s functions by name in the
    worker's copy of __main__ (pickle sends functions by reference)."""
    if namespace is None or not isinstance(func, types.FunctionType):
        return func
    import sys
    if func.__globals__ is not sys.modules['__main__'].__dict__:
        return func
    found = namespace.get(func.__name__)
    if found is None:
        main = sys.modules['__main__']
        raise AttributeError(f"Can't get attribute '{func.__name__}' on {main!r}")
    return found


def worker(inqueue, outqueue, initializer=None, initargs=(), maxtasks=None, wrap_exception=False):
    me = process.current_process()
    namespace = getattr(me, '_forker_globals', None)
    if initializer is not None:
        initializer(*initargs)
    completed = 0
    while maxtasks is None or completed < maxtasks:
        task = inqueue.get()
        if task is None:
            break
        job, i, func, args, kwds = task
        try:
            func = _resolve(func, namespace)
            if func is mapstar or func is starmapstar:
                fn, items = args[0]
                args = ((_resolve(fn, namespace), items),)
            result = (True, func(*args, **kwds))
        except Exception as e:
            result = (False, e)
        try:
            outqueue.put((job, i, (result[0], reduction.transfer(result[1]))))
        except Exception as e:
            outqueue.put((job, i, (False, MaybeEncodingError(e, result[1]))))
        completed += 1


class Pool:
    """A pool of worker processes to which jobs can be submitted."""

    _wrap_exception = True

    @staticmethod
    def Process(ctx, *args, **kwds):
        from .context import ForkProcess
        return ForkProcess(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None,
                 context=None):
        self._pool = []
        self._state = INIT
        self._taskqueue = _Channel()
        self._outqueue = _Channel()
        self._cache = {}
        self._maxtasksperchild = maxtasksperchild
        self._initializer = initializer
        self._initargs = initargs
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None and (not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0):
            raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        for _ in range(processes):
            self._pool.append(self._start_worker())
        self._result_handler = threading.Thread(target=Pool._handle_results,
                                                args=(self._outqueue, self._cache), daemon=True)
        self._result_handler.start()
        self._state = RUN

    def _start_worker(self):
        w = self.Process(None, target=worker,
                         args=(self._taskqueue, self._outqueue, self._initializer, self._initargs,
                               self._maxtasksperchild, self._wrap_exception))
        w.name = w.name.replace('Process', 'PoolWorker')
        w.daemon = True
        w.start()
        return w

    @staticmethod
    def _handle_results(outqueue, cache):
        while True:
            task = outqueue.get()
            if task is None:
                return
            job, i, obj = task
            try:
                cache[job]._set(i, obj)
            except KeyError:
                pass

    def __repr__(self):
        return (f'<{type(self).__module__}.{type(self).__qualname__} '
                f'state={self._state} pool_size={len(self._pool)}>')

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def _submit(self, job, i, func, args, kwds=None):
        reduction.dumps((func, args, kwds or {}))
        self._taskqueue.put((job, i, func, reduction.loads(args), kwds or {}))

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, mapstar, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, starmapstar, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, starmapstar, chunksize, callback, error_callback)

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._submit(result._job, 0, func, args, kwds)
        return result

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, mapstar, chunksize, callback, error_callback)

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None, error_callback=None):
        self._check_running()
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        task_batches = Pool._get_tasks(func, iterable, chunksize)
        result = MapResult(self, chunksize, len(iterable), callback, error_callback=error_callback)
        for i, batch in enumerate(task_batches):
            self._submit(result._job, i, mapper, (batch,))
        return result

    @staticmethod
    def _get_tasks(func, it, size):
        it = iter(it)
        while True:
            x = tuple(itertools.islice(it, size))
            if not x:
                return
            yield (func, x)

    def imap(self, func, iterable, chunksize=1):
        self._check_running()
        result = IMapIterator(self)
        if chunksize == 1:
            n = 0
            for i, x in enumerate(iterable):
                self._submit(result._job, i, func, (x,))
                n = i + 1
            result._set_length(n)
            return _items(result)
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        n = 0
        for i, batch in enumerate(Pool._get_tasks(func, iterable, chunksize)):
            self._submit(result._job, i, mapstar, (batch,))
            n = i + 1
        result._set_length(n)
        return _chunked_items(result)

    def imap_unordered(self, func, iterable, chunksize=1):
        self._check_running()
        result = IMapUnorderedIterator(self)
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0!r}".format(chunksize))
        n = 0
        for i, batch in enumerate(Pool._get_tasks(func, iterable, chunksize)):
            self._submit(result._job, i, mapstar, (batch,))
            n = i + 1
        result._set_length(n)
        return _chunked_items(result)

    def close(self):
        if self._state == RUN:
            self._state = CLOSE
            for _ in self._pool:
                self._taskqueue.put(None)

    def terminate(self):
        if self._state == TERMINATE:
            return
        self._state = TERMINATE
        for w in self._pool:
            if w.exitcode is None:
                w.terminate()
        self._outqueue.put(None)

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        for w in self._pool:
            w.join()
        if self._state == CLOSE:
            # Every result is in once the workers are done: stop the handler after them.
            self._outqueue.put(None)
        self._result_handler.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()


class ApplyResult:

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._job = next(job_counter)
        self._cache = pool._cache
        self._callback = callback
        self._error_callback = error_callback
        self._cache[self._job] = self

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._event.set()
        del self._cache[self._job]
        self._pool = None

    __class_getitem__ = classmethod(lambda cls, item: cls)


AsyncResult = ApplyResult


class MapResult(ApplyResult):

    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback=error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            del self._cache[self._job]
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
            if self._number_left == 0:
                if self._callback:
                    self._callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None
        else:
            if not success and self._success:
                self._success = False
                self._value = result
            if self._number_left == 0:
                if self._error_callback:
                    self._error_callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None


class IMapIterator:

    def __init__(self, pool):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._job = next(job_counter)
        self._cache = pool._cache
        self._items = collections.deque()
        self._index = 0
        self._length = None
        self._unsorted = {}
        self._cache[self._job] = self

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            while not self._items:
                if self._index == self._length:
                    self._pool = None
                    raise StopIteration from None
                self._cond.wait(timeout)
                if not self._items and timeout is not None:
                    if self._index == self._length:
                        self._pool = None
                        raise StopIteration from None
                    raise TimeoutError from None
            success, value = self._items.popleft()
        if success:
            return value
        raise value

    __next__ = next

    def _set(self, i, obj):
        with self._cond:
            if self._index == i:
                self._items.append(obj)
                self._index += 1
                while self._index in self._unsorted:
                    obj = self._unsorted.pop(self._index)
                    self._items.append(obj)
                    self._index += 1
                self._cond.notify()
            else:
                self._unsorted[i] = obj
            if self._index == self._length:
                self._cache.pop(self._job, None)

    def _set_length(self, length):
        with self._cond:
            self._length = length
            if self._index == self._length:
                self._cond.notify()
                self._cache.pop(self._job, None)


# imap()'s results come through generators that call next() themselves: waiting for a result
# then happens in Python code the thread scheduler can suspend and resume (a wait inside a
# native iteration could not let the worker processes run).
def _items(result):
    while True:
        try:
            yield result.next()
        except StopIteration:
            return


def _chunked_items(result):
    while True:
        try:
            chunk = result.next()
        except StopIteration:
            return
        yield from chunk


class IMapUnorderedIterator(IMapIterator):

    def _set(self, i, obj):
        with self._cond:
            self._items.append(obj)
            self._index += 1
            self._cond.notify()
            if self._index == self._length:
                self._cache.pop(self._job, None)


class ThreadPool(Pool):
    """A Pool whose workers are threads (multiprocessing.pool.ThreadPool): no fork, no pickling."""

    _wrap_exception = False

    @staticmethod
    def Process(ctx, *args, **kwds):
        from .dummy import DummyProcess
        return DummyProcess(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=()):
        Pool.__init__(self, processes, initializer, initargs)

    def _submit(self, job, i, func, args, kwds=None):
        self._taskqueue.put((job, i, func, args, kwds or {}))
