"""Locks and friends shared between simulated processes (CPython 3.11
Lib/multiprocessing/synchronize.py): the threading primitives, shared by reference, with
multiprocessing's reprs."""

__all__ = ['Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition', 'Event', 'Barrier']

import threading

from . import process


class Lock:
    _mp_shared = True

    def __init__(self, *, ctx=None):
        self._lock = threading.Lock()
        self._owner = None

    def acquire(self, block=True, timeout=None):
        ok = self._lock.acquire(block, -1 if timeout is None else timeout)
        if ok:
            self._owner = process.current_process().name
        return ok

    def release(self):
        self._owner = None
        self._lock.release()

    __enter__ = acquire

    def __exit__(self, *args):
        self.release()

    def __repr__(self):
        name = self._owner if self._lock.locked() else None
        if name is not None and threading.current_thread().name != 'MainThread':
            name += '|' + threading.current_thread().name
        return '<Lock(owner=%s)>' % ('SomeOtherProcess' if name is None and self._lock.locked() else name)


class RLock:
    _mp_shared = True

    def __init__(self, *, ctx=None):
        self._lock = threading.RLock()

    def acquire(self, block=True, timeout=None):
        return self._lock.acquire(block, -1 if timeout is None else timeout)

    def release(self):
        self._lock.release()

    __enter__ = acquire

    def __exit__(self, *args):
        self.release()

    def __repr__(self):
        return '<RLock(%s, %s)>' % ('None', 0)


class Semaphore:
    _mp_shared = True

    def __init__(self, value=1, *, ctx=None):
        self._sem = self._make(value)
        self._initial = value

    def _make(self, value):
        return threading.Semaphore(value)

    def acquire(self, block=True, timeout=None):
        return self._sem.acquire(block, timeout)

    def release(self):
        self._sem.release()

    __enter__ = acquire

    def __exit__(self, *args):
        self.release()

    def get_value(self):
        return self._sem._value

    def __repr__(self):
        return '<%s(value=%s)>' % (type(self).__name__, self.get_value())


class BoundedSemaphore(Semaphore):

    def _make(self, value):
        return threading.BoundedSemaphore(value)

    def __repr__(self):
        return '<BoundedSemaphore(value=%s, maxvalue=%s)>' % (self.get_value(), self._initial)


class Condition:
    _mp_shared = True

    def __init__(self, lock=None, *, ctx=None):
        self._lock = lock or RLock()
        inner = self._lock._lock if hasattr(self._lock, '_lock') else self._lock
        self._cond = threading.Condition(inner)

    def __enter__(self):
        return self._cond.__enter__()

    def __exit__(self, *args):
        return self._cond.__exit__(*args)

    def acquire(self, *args):
        return self._cond.acquire(*args)

    def release(self):
        self._cond.release()

    def wait(self, timeout=None):
        return self._cond.wait(timeout)

    def wait_for(self, predicate, timeout=None):
        return self._cond.wait_for(predicate, timeout)

    def notify(self, n=1):
        self._cond.notify(n)

    def notify_all(self):
        self._cond.notify_all()


class Event:
    _mp_shared = True

    def __init__(self, *, ctx=None):
        self._event = threading.Event()

    def is_set(self):
        return self._event.is_set()

    def set(self):
        self._event.set()

    def clear(self):
        self._event.clear()

    def wait(self, timeout=None):
        return self._event.wait(timeout)


class Barrier(threading.Barrier):
    _mp_shared = True

    def __init__(self, parties, action=None, timeout=None, *, ctx=None):
        threading.Barrier.__init__(self, parties, action, timeout)
