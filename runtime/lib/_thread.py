"""_thread (Modules/_threadmodule.c): low-level threads and locks on PyXray's simulated threads.

The primitives (starting a thread, identity, acquiring and releasing a lock, waiting) are the
natives of _thread_native (runtime/src/modules/threadNative.ts), which block through the thread
scheduler: a thread waiting for a lock drops the GIL and the others run."""

import _thread_native as _n

error = RuntimeError
TIMEOUT_MAX = _n.TIMEOUT_MAX
get_ident = _n.get_ident
get_native_id = _n.get_native_id
_count = _n._count

_stack_size = 0


# The lock type is native (_thread_native.LockType): acquire/release/__enter__/__exit__ are
# builtin methods, as in CPython, and a blocked acquire drops the GIL.
LockType = lock = _n.LockType


class RLock:
    """A reentrant lock: the owning thread may acquire it again; each acquire needs a release."""

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        self._block = allocate_lock()
        self._owner = 0
        self._count = 0
        return self

    def acquire(self, blocking=True, timeout=-1):
        me = _n.get_ident()
        if self._owner == me:
            self._count += 1
            return True
        if not _n.lock_acquire(self._block, blocking, timeout):
            return False
        self._owner = me
        self._count = 1
        return True

    __enter__ = acquire

    def release(self):
        if self._owner != _n.get_ident():
            raise RuntimeError('cannot release un-acquired lock')
        self._count -= 1
        if not self._count:
            self._owner = 0
            _n.lock_release(self._block)

    def __exit__(self, t, v, tb):
        self.release()

    def _is_owned(self):
        return self._owner == _n.get_ident()

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError('cannot release un-acquired lock')
        state = (self._count, self._owner)
        self._count = 0
        self._owner = 0
        _n.lock_release(self._block)
        return state

    def _acquire_restore(self, state):
        _n.lock_acquire(self._block, True, -1)
        self._count, self._owner = state

    def _recursion_count(self):
        return self._count if self._owner == _n.get_ident() else 0

    def __repr__(self):
        return '<%s %s.%s object owner=%d count=%d at %s>' % (
            'locked' if _n.lock_locked(self._block) else 'unlocked',
            type(self).__module__, type(self).__qualname__, self._owner, self._count, hex(id(self)))


allocate_lock = _n.allocate_lock


allocate = allocate_lock


def start_new_thread(function, args, kwargs=None):
    """Start a new thread running function(*args, **kwargs); return its identifier."""
    if kwargs is None:
        return _n.start_new_thread(function, args)
    return _n.start_new_thread(function, args, kwargs)


start_new = start_new_thread


def exit():
    raise SystemExit


exit_thread = exit


def interrupt_main(signum=2):
    raise NotImplementedError('interrupt_main is not simulated')


def stack_size(size=0):
    global _stack_size
    if size != 0 and size < 32768:
        raise ValueError('size not valid: %d bytes' % size)
    old = _stack_size
    _stack_size = size
    return old


def _set_sentinel():
    """A lock the current thread's end releases (threading acquires it: its _tstate_lock)."""
    lk = allocate_lock()
    _n.release_at_exit(lk)
    return lk


# Thread-local data is native (_thread_native.LocalType, CPython's localobject): each thread
# sees its own attribute dict, swapped in by the type's builtin __getattribute__/__setattr__.
_local = _n.LocalType


class _ExceptHookArgs(tuple):
    """ExceptHookArgs: exc_type, exc_value, exc_traceback, thread."""

    def __new__(cls, args):
        return tuple.__new__(cls, args)

    exc_type = property(lambda self: self[0])
    exc_value = property(lambda self: self[1])
    exc_traceback = property(lambda self: self[2])
    thread = property(lambda self: self[3])


def _excepthook(args):
    """Handle an uncaught exception in a Thread: print 'Exception in thread NAME:' and its traceback."""
    import sys
    if args.exc_type == SystemExit:
        return
    stderr = sys.stderr
    if stderr is None:
        return
    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    print(f"Exception in thread {name}:", file=stderr, flush=True)
    stderr.write(_n.format_exception(args.exc_value))
    stderr.flush()
