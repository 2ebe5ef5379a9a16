"""Pipe() and its Connection ends (CPython 3.11 Lib/multiprocessing/connection.py) between
simulated processes: what one end sends (pickled, copied) the other end receives."""

__all__ = ['Pipe', 'Connection']

import collections
import threading

from . import reduction


class _Channel:
    _mp_shared = True

    def __init__(self):
        self.items = collections.deque()
        self.closed = False


class Connection:
    _mp_shared = True

    def __init__(self, incoming, outgoing, cond, readable=True, writable=True):
        self._in = incoming
        self._out = outgoing
        self._cond = cond
        self._readable = readable
        self._writable = writable
        self._closed = False

    def _check(self, readable=False, writable=False):
        if self._closed:
            raise OSError("handle is closed")
        if readable and not self._readable:
            raise OSError("connection is write-only")
        if writable and not self._writable:
            raise OSError("connection is read-only")

    @property
    def closed(self):
        return self._closed

    @property
    def readable(self):
        return self._readable

    @property
    def writable(self):
        return self._writable

    def fileno(self):
        self._check()
        return id(self) % 1000 + 3

    def send(self, obj):
        self._check(writable=True)
        obj = reduction.dumps(obj)
        with self._cond:
            self._out.items.append(reduction.loads(obj))
            self._cond.notify_all()

    def send_bytes(self, buf, offset=0, size=None):
        data = bytes(memoryview(buf))
        if size is None:
            size = len(data) - offset
        self.send(data[offset:offset + size])

    def recv(self):
        self._check(readable=True)
        with self._cond:
            while not self._in.items:
                if self._in.closed:
                    raise EOFError
                self._cond.wait()
            return self._in.items.popleft()

    def recv_bytes(self, maxlength=None):
        return self.recv()

    def poll(self, timeout=0.0):
        self._check(readable=True)
        # Only data makes poll() true: the other end's close() in a child is not an EOF while
        # the parent still holds that end (fork duplicated it), as with CPython's pipes.
        with self._cond:
            if self._in.items:
                return True
            if timeout is not None and timeout <= 0:
                return False
            self._cond.wait(timeout)
            return bool(self._in.items)

    def close(self):
        if not self._closed:
            self._closed = True
            with self._cond:
                self._out.closed = True
                self._cond.notify_all()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()


def Pipe(duplex=True):
    """Two connected Connection objects (conn1 receives what conn2 sends; both ways if duplex)."""
    cond = threading.Condition(threading.Lock())
    a, b = _Channel(), _Channel()
    if duplex:
        return Connection(a, b, cond), Connection(b, a, cond)
    return Connection(a, b, cond, True, False), Connection(b, a, cond, False, True)
