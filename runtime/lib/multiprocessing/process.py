"""Processes (CPython 3.11 Lib/multiprocessing/process.py) simulated inside the runtime.

A child process is a simulated thread of the one interpreter with its own identity (name
"Process-N", a fake pid from 4243 on, the parent's pid), started with the "fork" start method's
semantics: at start() the child gets a *copy* of the parent's __main__ globals (functions are
rebound to the copy, containers and plain objects deep-copied), so what the child assigns to a
global or appends to a list is invisible to the parent. Modules, classes and the
multiprocessing synchronization objects (queues, locks, shared values, manager proxies) stay
shared, as they are in CPython through pipes and shared memory. Heap ids are not per process."""

__all__ = ['BaseProcess', 'current_process', 'active_children', 'parent_process']

import os
import sys
import copy
import types
import itertools
import threading
import time
import _thread
import _mp_native

_MAIN_PID = os.getpid()
# Virtual seconds between a fork and the child's first instruction (on Linux the parent runs on
# first; a child typically starts a fraction of a millisecond later).
_FORK_START_DELAY = 0.0005

# Which simulated process each thread belongs to (thread ident -> process object).
_process_of_thread = {}


def current_process():
    """The process object of the calling thread's process."""
    return _process_of_thread.get(_thread.get_ident(), _current_process)


def parent_process():
    return current_process()._parent_process_obj


def active_children():
    """The children of the current process that are alive (finished ones are reaped)."""
    _cleanup()
    return list(current_process()._children_set)


def _cleanup():
    proc = current_process()
    for p in list(proc._children_set):
        if p._popen is not None and p._popen.poll() is not None:
            proc._children_set.discard(p)




# ---------------------------------------------------------------- fork: copying __main__

class _SharedMarker:
    """Objects that cross processes by reference (queues, locks, proxies, shared memory)."""
    _mp_shared = True


def _is_shared(v):
    t = type(v)
    if getattr(t, '_mp_shared', False):
        return True
    return isinstance(v, (types.ModuleType, type, types.BuiltinFunctionType, types.MethodType)) or \
        t.__module__ in ('threading', '_thread', 'queue', 'asyncio.events') or \
        t.__name__ in ('lock', 'RLock', '_RLock', 'Thread', 'generator', 'coroutine')


class _Forker:
    """One fork: a copy of __main__'s globals and the objects reachable from what is copied."""

    def __init__(self):
        self.main = sys.modules['__main__'].__dict__
        self.globals = {}
        self.memo = {id(self.main): self.globals}
        for k, v in list(self.main.items()):
            self.globals[k] = self.copy(v)

    def copy(self, v):
        key = id(v)
        if key in self.memo:
            return self.memo[key]
        if isinstance(v, types.FunctionType):
            if v.__globals__ is not self.main:
                return v
            f = types.FunctionType(v.__code__, self.globals, v.__name__, v.__defaults__, v.__closure__)
            f.__qualname__ = v.__qualname__
            f.__kwdefaults__ = v.__kwdefaults__
            f.__dict__.update(v.__dict__)
            self.memo[key] = f
            return f
        if v is None or isinstance(v, (int, float, str, bytes, bool, complex)) or _is_shared(v):
            return v
        if isinstance(v, list):
            new = []
            self.memo[key] = new
            new.extend(self.copy(x) for x in v)
            return new
        if isinstance(v, dict) and type(v) is dict:
            new = {}
            self.memo[key] = new
            for k2, x in v.items():
                new[self.copy(k2)] = self.copy(x)
            return new
        if type(v) in (tuple, set, frozenset):
            new = type(v)(self.copy(x) for x in v)
            self.memo[key] = new
            return new
        return _copy_instance(v, self.memo, self.copy)


def _copy_instance(v, memo, copy_item):
    # A plain object: a shallow copy whose attributes are copied the same way (so a shared
    # queue or lock inside it stays shared); other objects fall back to deepcopy.
    d = getattr(v, '__dict__', None)
    if type(d) is dict and not isinstance(v, BaseException):
        try:
            new = copy.copy(v)
        except Exception:
            return v
        memo[id(v)] = new
        try:
            new.__dict__ = {k: copy_item(x) for k, x in d.items()}
        except Exception:
            pass
        return new
    try:
        new = copy.deepcopy(v, memo)
    except Exception:
        return v
    memo[id(v)] = new
    return new


# ---------------------------------------------------------------- the process object

class _Popen:
    """What the parent knows of a running child: its pid, thread and exit code."""

    def __init__(self, process_obj):
        self.pid = _mp_native.alloc_pid()
        self.returncode = None
        self.finished = threading.Event()
        self._thread = None

    def poll(self, flag=None):
        return self.returncode

    def wait(self, timeout=None):
        if not self.finished.wait(timeout):
            return None
        return self.returncode

    def terminate(self):
        if self.returncode is None and self._thread is not None:
            import _mp_native
            if _mp_native.kill_thread(self._thread.ident):
                self.returncode = -15
                _process_of_thread.pop(self._thread.ident, None)
                self.finished.set()

    kill = terminate


# CPython 3.11 maps -signum to the Signals member, whose str() prints with the minus sign.
_exitcode_to_name = {-15: '-SIGTERM', -9: '-SIGKILL', -2: '-SIGINT'}


class BaseProcess:
    """Process objects represent activity that is run in a separate process."""

    _start_method = 'fork'

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        assert group is None, 'group argument must be None for now'
        parent = current_process()
        count = next(parent._counter)
        self._identity = parent._identity + (count,)
        self._config = dict(parent._config)
        self._parent_pid = parent._pid
        self._parent_name = parent.name
        self._parent_process_obj = parent
        self._popen = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + '-' + ':'.join(str(i) for i in self._identity)
        if daemon is not None:
            self.daemon = daemon
        self._children_set = set()
        self._counter = itertools.count(1)
        self._pid = None

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def run(self):
        """Method to be run in sub-process; can be overridden in sub-class."""
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        """Start child process."""
        self._check_closed()
        assert self._popen is None, 'cannot start a process twice'
        assert self._parent_pid == current_process()._pid, \
            'can only start a process object created by current process'
        assert not current_process()._config.get('daemon'), \
            'daemonic processes are not allowed to have children'
        _cleanup()
        popen = self._popen = _Popen(self)
        self._pid = popen.pid
        forker = _Forker()
        child = copy.copy(self)
        child.__dict__ = {k: forker.copy(v) for k, v in self.__dict__.items()}
        child._popen = None
        child._pid = popen.pid
        child._children_set = set()
        child._counter = itertools.count(1)
        child._forker_globals = forker.globals
        t = threading.Thread(target=_bootstrap, args=(child, popen), name=self._name, daemon=True)
        popen._thread = t
        current_process()._children_set.add(self)
        t.start()

    def terminate(self):
        self._check_closed()
        if self._popen is not None:
            self._popen.terminate()

    def kill(self):
        self.terminate()

    def join(self, timeout=None):
        self._check_closed()
        assert self._parent_pid == current_process()._pid, 'can only join a child process'
        assert self._popen is not None, 'can only join a started process'
        res = self._popen.wait(timeout)
        if res is not None:
            current_process()._children_set.discard(self)

    def is_alive(self):
        self._check_closed()
        if self is current_process():
            return True
        if self._popen is None:
            return False
        return self._popen.poll() is None

    def close(self):
        if self._popen is not None:
            if self._popen.poll() is None:
                raise ValueError("Cannot close a process while it is still running. "
                                 "You should first call join() or terminate().")
            self._popen = None
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = name

    @property
    def daemon(self):
        return self._config.get('daemon', False)

    @daemon.setter
    def daemon(self, daemonic):
        assert self._popen is None, 'process has already started'
        self._config['daemon'] = daemonic

    @property
    def authkey(self):
        return self._config.get('authkey', b'')

    @property
    def exitcode(self):
        self._check_closed()
        if self._popen is None:
            return self._popen
        return self._popen.poll()

    @property
    def ident(self):
        self._check_closed()
        if self is current_process():
            return self._pid
        return self._popen and self._popen.pid

    pid = ident

    @property
    def sentinel(self):
        self._check_closed()
        return self._popen.pid

    def __repr__(self):
        exitcode = None
        if self is current_process():
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._parent_pid != os.getpid():
            status = 'unknown'
        elif self._popen is None:
            status = 'initial'
        else:
            exitcode = self._popen.poll()
            status = 'stopped' if exitcode is not None else 'started'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._popen is not None:
            info.append('pid=%s' % self._popen.pid)
        info.append('parent=%s' % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            info.append('exitcode=%s' % _exitcode_to_name.get(exitcode, exitcode))
        if self.daemon:
            info.append('daemon')
        return '<%s>' % ' '.join(info)


def _bootstrap(child, popen):
    """The child process's main: run(), then the exit code (1 and a traceback on error)."""
    _process_of_thread[_thread.get_ident()] = child
    _mp_native.set_thread_pid(_thread.get_ident(), child._pid, child._parent_pid)
    # fork() returns to the parent first; the child's first instruction comes later.
    time.sleep(_FORK_START_DELAY)
    exitcode = 0
    try:
        try:
            child.run()
        finally:
            _join_own_children(child)
    except SystemExit as e:
        code = e.code
        if code is None:
            exitcode = 0
        elif isinstance(code, int):
            exitcode = code
        else:
            sys.stderr.write(str(code) + '\n')
            exitcode = 1
    except BaseException:
        exitcode = 1
        import traceback
        sys.stderr.write('Process %s:\n' % child.name)
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        if popen.returncode is None:
            popen.returncode = exitcode
        _process_of_thread.pop(_thread.get_ident(), None)
        popen.finished.set()


def _join_own_children(proc):
    # A process exits only after its non-daemonic children (multiprocessing.util._exit_function).
    for p in list(proc._children_set):
        if p.daemon:
            p.terminate()
    for p in list(proc._children_set):
        if p._popen is not None:
            p._popen.wait()


class _MainProcess(BaseProcess):

    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._parent_process_obj = None
        self._popen = None
        self._closed = False
        self._config = {'authkey': b'\x00' * 32, 'semprefix': '/mp'}
        self._children_set = set()
        self._counter = itertools.count(1)
        self._pid = _MAIN_PID

    def close(self):
        pass


_current_process = _MainProcess()
_parent_process = None


def _exit_function():
    """At interpreter exit (CPython's atexit-registered util._exit_function): daemonic
    children are terminated, the others joined."""
    _join_own_children(_current_process)
