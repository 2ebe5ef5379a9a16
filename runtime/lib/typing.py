"""typing for the runtime: the names learners import, subscriptable with CPython's reprs for
the common forms (typing.List[int], typing.Optional[str]), TypeVar, Generic, Protocol, cast,
overload, NamedTuple's functional form. Nothing is checked at run time, as in CPython."""

import collections.abc
import collections

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if obj is None or obj is type(None):
        return 'None'
    return repr(obj)


class _GenericAlias:
    def __init__(self, origin, args, name):
        self.__origin__ = origin
        self.__args__ = args
        self._name = name

    def __repr__(self):
        if self._name == 'Optional':
            return f'typing.Optional[{_type_repr(self.__args__[0])}]'
        if self._name == 'Callable' and len(self.__args__) == 2 and isinstance(self.__args__[0], list):
            params = ', '.join([_type_repr(a) for a in self.__args__[0]])
            return f'typing.Callable[[{params}], {_type_repr(self.__args__[1])}]'
        return f"typing.{self._name}[{', '.join([_type_repr(a) for a in self.__args__])}]"

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __getitem__(self, params):
        return self

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')


class _SpecialForm:
    def __init__(self, name, origin=None):
        self._name = name
        self.__origin__ = origin

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == 'Optional':
            if len(params) != 1:
                raise TypeError('Optional[t] requires a single type.')
            if params[0] is None or params[0] is type(None):
                return None
            return _GenericAlias(None, (params[0], type(None)), 'Optional')
        if self._name == 'Union':
            flat = []
            for p in params:
                p = type(None) if p is None else p
                if isinstance(p, _GenericAlias) and p._name in ('Union', 'Optional'):
                    items = p.__args__
                else:
                    items = (p,)
                for item in items:
                    if item not in flat:
                        flat.append(item)
            if len(flat) == 1:
                return flat[0]
            if len(flat) == 2 and type(None) in flat:
                other = flat[0] if flat[1] is type(None) else flat[1]
                if flat[1] is type(None):
                    return _GenericAlias(None, (other, type(None)), 'Optional')
            return _GenericAlias(None, tuple(flat), 'Union')
        return _GenericAlias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError(f'Cannot instantiate typing.{self._name}')
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        if self.__origin__ is None:
            raise TypeError(f'Cannot subclass typing.{self._name}')
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        if self.__origin__ is None:
            raise TypeError(f'typing.{self._name} cannot be used with isinstance()')
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        if self.__origin__ is None:
            raise TypeError(f'typing.{self._name} cannot be used with issubclass()')
        return issubclass(cls, self.__origin__)


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Union = _SpecialForm('Union')
Optional = _SpecialForm('Optional')
Literal = _SpecialForm('Literal')
Final = _SpecialForm('Final')
ClassVar = _SpecialForm('ClassVar')
Annotated = _SpecialForm('Annotated')
Self = _SpecialForm('Self')
TypeAlias = _SpecialForm('TypeAlias')
Concatenate = _SpecialForm('Concatenate')
TypeGuard = _SpecialForm('TypeGuard')
LiteralString = _SpecialForm('LiteralString')

List = _SpecialForm('List', list)
Dict = _SpecialForm('Dict', dict)
Set = _SpecialForm('Set', set)
FrozenSet = _SpecialForm('FrozenSet', frozenset)
Tuple = _SpecialForm('Tuple', tuple)
Type = _SpecialForm('Type', type)
DefaultDict = _SpecialForm('DefaultDict', collections.defaultdict)
OrderedDict = _SpecialForm('OrderedDict', collections.OrderedDict)
Counter = _SpecialForm('Counter', collections.Counter)
Deque = _SpecialForm('Deque', collections.deque)
ChainMap = _SpecialForm('ChainMap', collections.ChainMap)
Callable = _SpecialForm('Callable', collections.abc.Callable)
Iterable = _SpecialForm('Iterable', collections.abc.Iterable)
Iterator = _SpecialForm('Iterator', collections.abc.Iterator)
Generator = _SpecialForm('Generator', collections.abc.Generator)
Sequence = _SpecialForm('Sequence', collections.abc.Sequence)
MutableSequence = _SpecialForm('MutableSequence', collections.abc.MutableSequence)
Mapping = _SpecialForm('Mapping', collections.abc.Mapping)
MutableMapping = _SpecialForm('MutableMapping', collections.abc.MutableMapping)
AbstractSet = _SpecialForm('AbstractSet', collections.abc.Set)
MutableSet = _SpecialForm('MutableSet', collections.abc.MutableSet)
Collection = _SpecialForm('Collection', collections.abc.Collection)
Container = _SpecialForm('Container', collections.abc.Container)
Hashable = _SpecialForm('Hashable', collections.abc.Hashable)
Sized = _SpecialForm('Sized', collections.abc.Sized)
Reversible = _SpecialForm('Reversible', collections.abc.Reversible)
Awaitable = _SpecialForm('Awaitable', collections.abc.Awaitable)
Coroutine = _SpecialForm('Coroutine', collections.abc.Coroutine)
AsyncIterable = _SpecialForm('AsyncIterable', collections.abc.AsyncIterable)
AsyncIterator = _SpecialForm('AsyncIterator', collections.abc.AsyncIterator)
AsyncGenerator = _SpecialForm('AsyncGenerator', collections.abc.AsyncGenerator)
KeysView = _SpecialForm('KeysView', collections.abc.KeysView)
ItemsView = _SpecialForm('ItemsView', collections.abc.ItemsView)
ValuesView = _SpecialForm('ValuesView', collections.abc.ValuesView)
Text = str
AnyStr = None


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__


AnyStr = TypeVar('AnyStr', bytes, str)


class ParamSpec(TypeVar):
    pass


class Generic:
    __slots__ = ()

    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    __slots__ = ()


def runtime_checkable(cls):
    return cls


def cast(typ, val):
    return val


def overload(func):
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            "You should not call an overloaded function. "
            "A series of @typing.overload-decorated functions "
            "outside a stub module should always be followed "
            "by an implementation that is not @typing.overload-decorated.")
    return _overload_dummy


def final(f):
    return f


def no_type_check(arg):
    return arg


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            hints.update(base.__dict__.get('__annotations__', {}))
        return hints
    return dict(getattr(obj, '__annotations__', {}))


def get_origin(tp):
    return getattr(tp, '__origin__', None)


def get_args(tp):
    return getattr(tp, '__args__', ())


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__supertype__ = tp
    return new_type


def NamedTuple(typename, fields=None, /, **kwargs):
    if fields is None:
        fields = kwargs.items()
    return collections.namedtuple(typename, [name for name, _ in fields])


def TypedDict(typename, fields=None, /, **kwargs):
    return dict


def assert_never(arg):
    raise AssertionError(f"Expected code to be unreachable, but got: {arg!r}")


def reveal_type(obj):
    print(f"Runtime type is {type(obj).__name__!r}")
    return obj
