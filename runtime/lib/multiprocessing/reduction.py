"""What crosses a process boundary is pickled (CPython 3.11 Lib/multiprocessing/reduction.py's
ForkingPickler): here `dumps` checks that an object could be pickled, with pickle's errors for
what cannot (lambdas and local functions, generators, modules, locks), and `loads` gives the
receiver its own copy."""

import copy
import sys
import types

from . import process


class PicklingError(Exception):
    """pickle.PicklingError (shown as _pickle.PicklingError)."""


PicklingError.__module__ = '_pickle'


def _lookup(module, qualname):
    obj = sys.modules.get(module)
    for part in qualname.split('.'):
        if obj is None or part == '<locals>':
            return None
        obj = getattr(obj, part, None)
    return obj


def _check(obj, seen):
    if id(obj) in seen:
        return
    seen.add(id(obj))
    if obj is None or isinstance(obj, (int, float, str, bytes, bool, complex, range, slice)):
        return
    if getattr(type(obj), '_mp_shared', False):
        return
    if isinstance(obj, (list, tuple, set, frozenset)):
        for x in obj:
            _check(x, seen)
        return
    if isinstance(obj, dict):
        for k, v in obj.items():
            _check(k, seen)
            _check(v, seen)
        return
    if isinstance(obj, (types.FunctionType, type, types.BuiltinFunctionType)):
        module = getattr(obj, '__module__', None) or '__main__'
        if module == 'builtins':
            return
        if '<locals>' in obj.__qualname__:
            raise AttributeError(f"Can't pickle local object {obj.__qualname__!r}")
        if _lookup(module, obj.__qualname__) is not obj:
            raise PicklingError(f"Can't pickle {obj!r}: attribute lookup {obj.__qualname__} on "
                                f"{module} failed")
        return
    if isinstance(obj, types.MethodType):
        _check(obj.__self__, seen)
        _check(obj.__func__, seen)
        return
    name = type(obj).__name__
    if isinstance(obj, (types.GeneratorType, types.ModuleType)) or name in ('coroutine', 'frame'):
        raise TypeError(f"cannot pickle '{name}' object")
    if type(obj).__module__ in ('_thread', 'threading') and name in ('lock', 'RLock', '_RLock'):
        raise TypeError(f"cannot pickle '_thread.{'RLock' if 'R' in name else 'lock'}' object")
    _check(type(obj), seen)
    d = getattr(obj, '__dict__', None)
    if d is not None:
        for v in d.values():
            _check(v, seen)


def dumps(obj):
    """Raise what pickling `obj` would raise; else the object to hand to the other side."""
    _check(obj, set())
    return obj


def loads(obj):
    """The receiving process's own copy (shared objects stay shared)."""
    return _copy(obj, {})


def _copy(v, memo):
    key = id(v)
    if key in memo:
        return memo[key]
    if v is None or isinstance(v, (int, float, str, bytes, bool, complex)) or process._is_shared(v) \
            or isinstance(v, types.FunctionType):
        return v
    if isinstance(v, list):
        new = []
        memo[key] = new
        new.extend(_copy(x, memo) for x in v)
        return new
    if type(v) is dict:
        new = {}
        memo[key] = new
        for k, x in v.items():
            new[_copy(k, memo)] = _copy(x, memo)
        return new
    if type(v) in (tuple, set, frozenset):
        return type(v)(_copy(x, memo) for x in v)
    if type(v).__name__ in ('dict_keys', 'dict_values', 'dict_items'):
        return [_copy(x, memo) for x in v]
    return process._copy_instance(v, memo, lambda x: _copy(x, memo))


def transfer(obj):
    """dumps then loads: what the other process receives."""
    return loads(dumps(obj))
