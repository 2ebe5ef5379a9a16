"""Managers (CPython 3.11 Lib/multiprocessing/managers.py): Manager() starts a server process
holding the shared objects; processes use them through proxies, every call sending its
arguments to the server and receiving a copy of the result. Here the server is a simulated
process that holds the referents, and a proxy call runs on the referent directly (the copy
semantics stay: a value read out of a dict proxy is the caller's own copy)."""

__all__ = ['BaseManager', 'SyncManager', 'BaseProxy', 'Namespace', 'Value', 'Array']

import threading

from . import process
from . import reduction
from . import queues as _queues
from . import synchronize
from . import pool as _pool


class Namespace:
    def __init__(self, /, **kwds):
        self.__dict__.update(kwds)

    def __repr__(self):
        items = list(self.__dict__.items())
        temp = []
        for name, value in items:
            if not name.startswith('_'):
                temp.append('%s=%r' % (name, value))
        temp.sort()
        return '%s(%s)' % (self.__class__.__name__, ', '.join(temp))


class Value:
    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self._value = value

    def get(self):
        return self._value

    def set(self, value):
        self._value = value

    def __repr__(self):
        return '%s(%r, %r)' % (type(self).__name__, self._typecode, self._value)

    value = property(get, set)


def Array(typecode, sequence, lock=True):
    from . import sharedctypes
    return sharedctypes.RawArray(typecode, sequence)


class BaseProxy:
    """A handle on a referent held by the manager's server process."""
    _mp_shared = True
    _exposed_ = ()

    def __init__(self, referent, typeid, manager):
        object.__setattr__(self, '_referent', referent)
        object.__setattr__(self, '_typeid', typeid)
        object.__setattr__(self, '_manager', manager)

    def _callmethod(self, methodname, args=(), kwds={}):
        self._manager._check_running()
        args = reduction.transfer(args)
        kwds = reduction.transfer(kwds)
        with self._manager._mutex:
            result = getattr(self._referent, methodname)(*args, **kwds)
        return reduction.transfer(result)

    def _getvalue(self):
        return reduction.transfer(self._referent)

    def __repr__(self):
        return '<%s object, typeid %r at %#x>' % (type(self).__name__, self._typeid, id(self))

    def __str__(self):
        try:
            return self._callmethod('__repr__')
        except Exception:
            return repr(self)[:-1] + "; '__str__()' failed>"


def _make_proxy_type(name, exposed):
    def method(m):
        def call(self, *args, **kwds):
            return self._callmethod(m, args, kwds)
        call.__name__ = m
        return call
    dic = {m: method(m) for m in exposed}
    dic['_exposed_'] = tuple(exposed)
    return type(name, (BaseProxy,), dic)


_list_methods = ('__add__', '__contains__', '__delitem__', '__getitem__', '__len__', '__mul__',
                 '__reversed__', '__rmul__', '__setitem__', 'append', 'count', 'extend', 'index',
                 'insert', 'pop', 'remove', 'reverse', 'sort', '__imul__')
BaseListProxy = _make_proxy_type('BaseListProxy', _list_methods)


class ListProxy(BaseListProxy):
    def __iadd__(self, value):
        self._callmethod('extend', (value,))
        return self

    def __imul__(self, value):
        self._callmethod('__imul__', (value,))
        return self

    def __iter__(self):
        return iter(self._getvalue())


DictProxy = _make_proxy_type('DictProxy', (
    '__contains__', '__delitem__', '__getitem__', '__len__', '__setitem__', 'clear', 'copy',
    'get', 'items', 'keys', 'pop', 'popitem', 'setdefault', 'update', 'values'))
DictProxy.__iter__ = lambda self: iter(self._callmethod('keys'))


class NamespaceProxy(BaseProxy):
    def __getattr__(self, key):
        if key[0] == '_':
            return object.__getattribute__(self, key)
        return reduction.transfer(getattr(self._referent, key))

    def __setattr__(self, key, value):
        if key[0] == '_':
            return object.__setattr__(self, key, value)
        setattr(self._referent, key, reduction.transfer(value))

    def __delattr__(self, key):
        delattr(self._referent, key)


class ValueProxy(BaseProxy):
    def get(self):
        return self._callmethod('get')

    def set(self, value):
        return self._callmethod('set', (value,))

    value = property(get, set)


AcquirerProxy = _make_proxy_type('AcquirerProxy', ('acquire', 'release'))
AcquirerProxy.__enter__ = lambda self: self._callmethod('acquire')
AcquirerProxy.__exit__ = lambda self, *a: self._callmethod('release')
EventProxy = _make_proxy_type('EventProxy', ('is_set', 'set', 'clear', 'wait'))
ConditionProxy = _make_proxy_type('ConditionProxy', ('acquire', 'release', 'wait', 'notify', 'notify_all'))
ConditionProxy.__enter__ = lambda self: self._callmethod('acquire')
ConditionProxy.__exit__ = lambda self, *a: self._callmethod('release')
BarrierProxy = _make_proxy_type('BarrierProxy', ('__getattribute__', 'wait', 'abort', 'reset'))
ArrayProxy = _make_proxy_type('ArrayProxy', ('__len__', '__getitem__', '__setitem__'))


class _PassThroughProxy(BaseProxy):
    """Queues and pools from a manager: their methods block, so they are called directly."""

    def __getattr__(self, name):
        if name[0] == '_':
            return object.__getattribute__(self, name)
        return getattr(self._referent, name)


class State:
    INITIAL = 0
    STARTED = 1
    SHUTDOWN = 2


class BaseManager:
    _registry = {}

    def __init__(self, address=None, authkey=None, serializer='pickle', ctx=None, *,
                 shutdown_timeout=1.0):
        self._address = address
        self._state = State.INITIAL
        self._mutex = threading.RLock()
        self._process = None

    def start(self, initializer=None, initargs=()):
        if self._state != State.INITIAL:
            raise process.ProcessError("Already started server") if hasattr(process, 'ProcessError') \
                else RuntimeError("Already started server")
        # The server process: a simulated process that stays alive until shutdown().
        self._stop = threading.Event()
        self._process = process.BaseProcess(target=self._stop.wait)
        self._process._name = 'SyncManager-' + ':'.join(str(i) for i in self._process._identity)
        self._process.daemon = False
        self._process.start()
        self._state = State.STARTED

    def _check_running(self):
        if self._state != State.STARTED:
            raise OSError('Manager is not started' if self._state == State.INITIAL else 'Manager has shut down')

    def join(self, timeout=None):
        if self._process is not None:
            self._process.join(timeout)

    def shutdown(self):
        if self._state == State.STARTED:
            # The server process ends as soon as it sees the stop request.
            self._stop.set()
        self._state = State.SHUTDOWN

    def __enter__(self):
        if self._state == State.INITIAL:
            self.start()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown()

    @property
    def address(self):
        return self._address

    def _create(self, typeid, referent, proxytype):
        self._check_running()
        return proxytype(referent, typeid, self)

    @classmethod
    def register(cls, typeid, callable=None, proxytype=None, exposed=None, method_to_typeid=None,
                 create_method=True):
        if proxytype is None:
            proxytype = _make_proxy_type('AutoProxy[%s]' % typeid, exposed or ())

        def create(self, /, *args, **kwds):
            return self._create(typeid, callable(*args, **kwds), proxytype)
        create.__name__ = typeid
        if create_method:
            setattr(cls, typeid, create)


class SyncManager(BaseManager):
    pass


for _typeid, _callable, _proxy in (
        ('Queue', _queues.Queue, _PassThroughProxy),
        ('JoinableQueue', _queues.JoinableQueue, _PassThroughProxy),
        ('Event', threading.Event, EventProxy),
        ('Lock', threading.Lock, AcquirerProxy),
        ('RLock', threading.RLock, AcquirerProxy),
        ('Semaphore', threading.Semaphore, AcquirerProxy),
        ('BoundedSemaphore', threading.BoundedSemaphore, AcquirerProxy),
        ('Condition', threading.Condition, ConditionProxy),
        ('Barrier', threading.Barrier, BarrierProxy),
        ('Pool', _pool.Pool, _PassThroughProxy),
        ('list', list, ListProxy),
        ('dict', dict, DictProxy),
        ('Value', Value, ValueProxy),
        ('Array', Array, ArrayProxy),
        ('Namespace', Namespace, NamespaceProxy)):
    SyncManager.register(_typeid, _callable, _proxy)
