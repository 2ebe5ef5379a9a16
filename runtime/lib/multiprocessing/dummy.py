"""multiprocessing.dummy: the multiprocessing API on threads (CPython 3.11
Lib/multiprocessing/dummy/__init__.py, the parts ThreadPool needs)."""

import threading


class DummyProcess(threading.Thread):

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}):
        threading.Thread.__init__(self, group, target, name, args, kwargs)
        self._pid = None
        self._children = {}
        self._start_called = False

    def start(self):
        self._start_called = True
        threading.Thread.start(self)

    @property
    def exitcode(self):
        if self._start_called and not self.is_alive():
            return 0
        return None

    def terminate(self):
        pass
