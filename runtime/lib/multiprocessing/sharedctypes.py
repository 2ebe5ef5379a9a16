"""Shared memory values (CPython 3.11 Lib/multiprocessing/sharedctypes.py): Value and Array
hold one shared C-typed value/array (here one object every process sees), wrapped with a lock
unless lock=False."""

__all__ = ['RawValue', 'RawArray', 'Value', 'Array', 'copy', 'synchronized']

from . import synchronize

_typecode_to_name = {
    'c': 'c_char', 'u': 'c_wchar', 'b': 'c_byte', 'B': 'c_ubyte', 'h': 'c_short', 'H': 'c_ushort',
    'i': 'c_int', 'I': 'c_uint', 'l': 'c_long', 'L': 'c_ulong', 'q': 'c_longlong',
    'Q': 'c_ulonglong', 'f': 'c_float', 'd': 'c_double',
}
_ctypes_aliases = {'c_longlong': 'c_long', 'c_ulonglong': 'c_ulong'}


def _zero(name):
    if name in ('c_float', 'c_double'):
        return 0.0
    if name == 'c_char':
        return b'\x00'
    if name == 'c_wchar':
        return '\x00'
    return 0


def _coerce(name, value):
    if name in ('c_float', 'c_double'):
        return float(value)
    if name in ('c_char', 'c_wchar'):
        return value
    value = int(value)
    bits = {'c_byte': 8, 'c_ubyte': 8, 'c_short': 16, 'c_ushort': 16, 'c_int': 32, 'c_uint': 32}.get(name, 64)
    value &= (1 << bits) - 1
    if not name.startswith('c_u') and value >= 1 << (bits - 1):
        value -= 1 << bits
    return value


def _type_name(typecode_or_type):
    if isinstance(typecode_or_type, str):
        if typecode_or_type not in _typecode_to_name:
            raise TypeError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)')
        return _typecode_to_name[typecode_or_type]
    return getattr(typecode_or_type, '__name__', str(typecode_or_type))


class _CValue:
    """A ctypes scalar: `c_int(5)`."""
    _mp_shared = True

    def __init__(self, name, value):
        self._name = _ctypes_aliases.get(name, name)
        self.value = _coerce(self._name, value)

    def __repr__(self):
        return f'{self._name}({self.value!r})'


class _CArray:
    _mp_shared = True

    def __init__(self, name, values):
        self._name = _ctypes_aliases.get(name, name)
        self._items = [_coerce(self._name, v) for v in values]

    def __len__(self):
        return len(self._items)

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            vals = [_coerce(self._name, x) for x in v]
            if len(range(*i.indices(len(self._items)))) != len(vals):
                raise ValueError("Can only assign sequence of same size")
            self._items[i] = vals
        else:
            self._items[i] = _coerce(self._name, v)

    def __repr__(self):
        return f'<multiprocessing.sharedctypes.{self._name}_Array_{len(self._items)} object at {hex(id(self))}>'


def RawValue(typecode_or_type, *args):
    name = _type_name(typecode_or_type)
    return _CValue(name, args[0] if args else _zero(name))


def RawArray(typecode_or_type, size_or_initializer):
    name = _type_name(typecode_or_type)
    if isinstance(size_or_initializer, int):
        return _CArray(name, [_zero(name)] * size_or_initializer)
    return _CArray(name, list(size_or_initializer))


def Value(typecode_or_type, *args, lock=True, ctx=None):
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    if lock in (True, None):
        lock = synchronize.RLock()
    return Synchronized(obj, lock)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    if lock in (True, None):
        lock = synchronize.RLock()
    return SynchronizedArray(obj, lock)


def copy(obj):
    if isinstance(obj, _CArray):
        return _CArray(obj._name, obj._items)
    return _CValue(obj._name, obj.value)


def synchronized(obj, lock=None, ctx=None):
    lock = lock or synchronize.RLock()
    return SynchronizedArray(obj, lock) if isinstance(obj, _CArray) else Synchronized(obj, lock)


class SynchronizedBase:
    _mp_shared = True

    def __init__(self, obj, lock=None, ctx=None):
        self._obj = obj
        self._lock = lock or synchronize.RLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __repr__(self):
        return '<%s wrapper for %s>' % (type(self).__name__, self._obj)


class Synchronized(SynchronizedBase):

    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self._lock:
            self._obj.value = _coerce(self._obj._name, v)


class SynchronizedArray(SynchronizedBase):

    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self._lock:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self._lock:
            self._obj[i] = value

    def __getslice__(self, start, stop):
        with self._lock:
            return self._obj[start:stop]
