"""Shallow and deep copy operations, following Lib/copy.py: atomic types are returned as is,
containers are rebuilt, instances go through __copy__/__deepcopy__ or __reduce_ex__(4)."""

import types as _types
import builtins as _builtins


class Error(Exception):
    pass


error = Error

_atomic = (type(None), int, float, bool, getattr(_builtins, 'complex', int),
           str, bytes, type, range, type(Ellipsis), type(NotImplemented),
           _types.BuiltinFunctionType, _types.FunctionType, property)


def copy(x):
    cls = type(x)
    if cls in _atomic:
        return x
    if cls in (list, dict, set, bytearray):
        return cls.copy(x)
    if cls in (tuple, frozenset):
        return x
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x)
    if rv is None:
        raise Error("un(shallow)copyable object of type %s" % cls)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic:
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        y = [deepcopy(a, memo) for a in x]
        try:
            return memo[d]
        except KeyError:
            pass
        for k, j in zip(x, y):
            if k is not j:
                y = tuple(y)
                break
        else:
            y = x
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = set([deepcopy(a, memo) for a in x])
    elif cls is frozenset:
        y = x
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x)
            if rv is None:
                raise Error("un(deep)copyable object of type %s" % cls)
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


_MISSING = object()


def _reduce(x):
    """x.__reduce_ex__(4), with object's default (copyreg.__reduce_ex__ / reduce_newobj) spelled
    out here for classes that do not override it."""
    cls = type(x)
    own_ex = getattr(cls, '__reduce_ex__', _MISSING)
    own = getattr(cls, '__reduce__', _MISSING)
    if own_ex is not getattr(object, '__reduce_ex__', _MISSING) and own_ex is not _MISSING:
        return x.__reduce_ex__(4)
    if own is not getattr(object, '__reduce__', _MISSING) and own is not _MISSING:
        return x.__reduce__()
    getnewargs = getattr(x, '__getnewargs__', None)
    args = getnewargs() if getnewargs is not None else ()
    state = getattr(x, '__dict__', None) or None
    slots = {}
    for klass in cls.__mro__:
        names = klass.__dict__.get('__slots__', ())
        if isinstance(names, str):
            names = (names,)
        for name in names:
            if name not in ('__dict__', '__weakref__') and hasattr(x, name):
                slots[name] = getattr(x, name)
    if slots:
        state = (state, slots)
    listiter = iter(x) if isinstance(x, list) else None
    dictiter = iter(x.items()) if isinstance(x, dict) else None
    return (_newobj, (cls,) + tuple(args), state, listiter, dictiter)


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None, *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        if deep:
            for item in listiter:
                item = deepcopy(item, memo)
                y.append(item)
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
                y[key] = value
        else:
            for key, value in dictiter:
                y[key] = value
    return y
