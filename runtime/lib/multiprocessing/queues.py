"""Queues between processes (CPython 3.11 Lib/multiprocessing/queues.py): Queue, JoinableQueue
and SimpleQueue. Items are pickled on put (reduction.dumps: unpicklable objects fail) and the
getter receives its own copy; the queue object itself is shared by the processes it is passed to."""

__all__ = ['Queue', 'SimpleQueue', 'JoinableQueue']

import collections
import threading
import time
from queue import Empty, Full

from . import reduction


class Queue:
    _mp_shared = True

    def __init__(self, maxsize=0, *, ctx=None):
        if maxsize <= 0:
            maxsize = 2147483647
        self._maxsize = maxsize
        self._items = collections.deque()
        self._cond = threading.Condition(threading.Lock())
        self._closed = False

    def _after_put(self):
        pass

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        try:
            obj = reduction.dumps(obj)
        except Exception:
            # CPython pickles in the queue's feeder thread: the error is printed there and
            # put() has already returned; the item never arrives.
            import traceback
            traceback.print_exc()
            return
        with self._cond:
            if len(self._items) >= self._maxsize:
                if not block:
                    raise Full
                deadline = None if timeout is None else time.monotonic() + timeout
                while len(self._items) >= self._maxsize:
                    remaining = None if deadline is None else deadline - time.monotonic()
                    if remaining is not None and remaining <= 0:
                        raise Full
                    self._cond.wait(remaining)
            self._items.append(reduction.loads(obj))
            self._after_put()
            self._cond.notify_all()

    def get(self, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        with self._cond:
            if not self._items:
                if not block:
                    raise Empty
                deadline = None if timeout is None else time.monotonic() + timeout
                while not self._items:
                    remaining = None if deadline is None else deadline - time.monotonic()
                    if remaining is not None and remaining <= 0:
                        raise Empty
                    self._cond.wait(remaining)
            item = self._items.popleft()
            self._cond.notify_all()
            return item

    def qsize(self):
        return len(self._items)

    def empty(self):
        return not self._items

    def full(self):
        return len(self._items) >= self._maxsize

    def get_nowait(self):
        return self.get(False)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def close(self):
        self._closed = True

    def join_thread(self):
        pass

    def cancel_join_thread(self):
        pass


class JoinableQueue(Queue):

    def __init__(self, maxsize=0, *, ctx=None):
        Queue.__init__(self, maxsize)
        self._unfinished_tasks = 0

    def _after_put(self):
        self._unfinished_tasks += 1

    def task_done(self):
        with self._cond:
            if self._unfinished_tasks <= 0:
                raise ValueError('task_done() called too many times')
            self._unfinished_tasks -= 1
            if self._unfinished_tasks == 0:
                self._cond.notify_all()

    def join(self):
        with self._cond:
            while self._unfinished_tasks:
                self._cond.wait()


class SimpleQueue(Queue):

    def __init__(self, *, ctx=None):
        Queue.__init__(self)

    def get(self):
        return Queue.get(self)

    def put(self, obj):
        return Queue.put(self, obj)
