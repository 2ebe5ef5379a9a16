"""dataclasses for the runtime: @dataclass with init/repr/eq/order/frozen/unsafe_hash/kw_only,
field(), fields(), asdict(), astuple(), replace(), __post_init__. CPython generates methods
with exec(); the runtime has no exec of source yet, so the methods here are closures over the
field list that give the same results and the same argument errors."""

import copy as _copy

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace', 'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    def __repr__(self):
        return 'MISSING'


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class InitVar:
    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = metadata if metadata is not None else {}
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type})')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(annotation):
    if isinstance(annotation, str):
        return annotation.startswith('ClassVar') or annotation.startswith('typing.ClassVar')
    name = getattr(annotation, '_name', None)
    return name == 'ClassVar' and repr(annotation).startswith('typing.ClassVar')


def _is_initvar(annotation):
    return isinstance(annotation, InitVar) or annotation is InitVar or (
        isinstance(annotation, str) and annotation.startswith('InitVar'))


def _recursive_repr(user_function):
    running = set()

    def wrapper(self):
        key = id(self)
        if key in running:
            return '...'
        running.add(key)
        try:
            return user_function(self)
        finally:
            running.discard(key)
    return wrapper


def _describe_missing(names):
    names = [repr(n) for n in names]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f'{names[0]} and {names[1]}'
    return ', '.join(names[:-1]) + ', and ' + names[-1]


def _make_init(cls, init_fields, frozen, has_post_init, initvar_names):
    qualname = f'{cls.__qualname__}.__init__'
    positional = [f for f in init_fields if not f.kw_only]
    keyword_only = [f for f in init_fields if f.kw_only]
    all_names = [f.name for f in init_fields]

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            takes = len(positional) + 1
            required = len([f for f in positional if f.default is MISSING and f.default_factory is MISSING]) + 1
            given = len(args) + 1
            if required != takes:
                raise TypeError(f'{qualname}() takes from {required} to {takes} positional arguments but {given} were given')
            raise TypeError(f'{qualname}() takes {takes} positional argument{"s" if takes != 1 else ""} but {given} were given')
        for name in kwargs:
            if name not in all_names:
                raise TypeError(f"{qualname}() got an unexpected keyword argument '{name}'")
            index = all_names.index(name)
            if index < len(args) and not init_fields[index].kw_only:
                raise TypeError(f"{qualname}() got multiple values for argument '{name}'")
        values = {}
        missing_pos = []
        missing_kw = []
        for index, f in enumerate(positional):
            if index < len(args):
                values[f.name] = args[index]
            elif f.name in kwargs:
                values[f.name] = kwargs[f.name]
            elif f.default is not MISSING:
                values[f.name] = f.default
            elif f.default_factory is not MISSING:
                values[f.name] = f.default_factory()
            else:
                missing_pos.append(f.name)
        for f in keyword_only:
            if f.name in kwargs:
                values[f.name] = kwargs[f.name]
            elif f.default is not MISSING:
                values[f.name] = f.default
            elif f.default_factory is not MISSING:
                values[f.name] = f.default_factory()
            else:
                missing_kw.append(f.name)
        if missing_pos:
            raise TypeError(f'{qualname}() missing {len(missing_pos)} required positional '
                            f'argument{"s" if len(missing_pos) != 1 else ""}: {_describe_missing(missing_pos)}')
        if missing_kw:
            raise TypeError(f'{qualname}() missing {len(missing_kw)} required keyword-only '
                            f'argument{"s" if len(missing_kw) != 1 else ""}: {_describe_missing(missing_kw)}')
        initvars = []
        for f in init_fields:
            if f.name in initvar_names:
                initvars.append(values[f.name])
            elif frozen:
                object.__setattr__(self, f.name, values[f.name])
            else:
                setattr(self, f.name, values[f.name])
        for f in _noinit_fields(self):
            if f.default is not MISSING:
                object.__setattr__(self, f.name, f.default) if frozen else setattr(self, f.name, f.default)
            elif f.default_factory is not MISSING:
                value = f.default_factory()
                object.__setattr__(self, f.name, value) if frozen else setattr(self, f.name, value)
        if has_post_init:
            self.__post_init__(*initvars)

    __init__.__qualname__ = qualname
    return __init__


def _noinit_fields(obj):
    return [f for f in type(obj).__dataclass_fields__.values() if not f.init and f._field_type == '_FIELD']


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots):
    fields = {}
    for base in cls.__mro__[-1:0:-1]:
        base_fields = getattr(base, '__dataclass_fields__', None)
        if base_fields is not None:
            for f in base_fields.values():
                fields[f.name] = f

    annotations = cls.__dict__.get('__annotations__', {})
    kw_only_marker_seen = False
    own = []
    for name, annotation in annotations.items():
        if annotation is KW_ONLY or (isinstance(annotation, str) and annotation.endswith('KW_ONLY')):
            kw_only_marker_seen = True
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = annotation
        if _is_classvar(annotation):
            f._field_type = '_FIELD_CLASSVAR'
        elif _is_initvar(annotation):
            f._field_type = '_FIELD_INITVAR'
        else:
            f._field_type = '_FIELD'
        if f.kw_only is MISSING:
            f.kw_only = kw_only or kw_only_marker_seen
        if f._field_type == '_FIELD' and f.default is not MISSING and f.default.__class__.__hash__ is None:
            raise ValueError(f'mutable default {type(f.default)} for field '
                             f'{name} is not allowed: use default_factory')
        own.append(f)

    for f in own:
        fields[f.name] = f
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')

    cls.__dataclass_fields__ = fields
    cls.__dataclass_params__ = (init, repr, eq, order, unsafe_hash, frozen)

    all_fields = [f for f in fields.values() if f._field_type in ('_FIELD', '_FIELD_INITVAR')]
    data_fields = [f for f in fields.values() if f._field_type == '_FIELD']
    init_fields = [f for f in all_fields if f.init]

    if init:
        seen_default = None
        for f in init_fields:
            if f.kw_only:
                continue
            if f.default is MISSING and f.default_factory is MISSING:
                if seen_default is not None:
                    raise TypeError(f'non-default argument {f.name!r} follows default argument')
            else:
                seen_default = f
        initvar_names = {f.name for f in all_fields if f._field_type == '_FIELD_INITVAR'}
        ordered = [f for f in init_fields if not f.kw_only] + [f for f in init_fields if f.kw_only]
        cls.__init__ = _make_init(cls, ordered, frozen, hasattr(cls, '__post_init__'), initvar_names)

    repr_fields = [f for f in data_fields if f.repr]
    if repr and '__repr__' not in cls.__dict__:
        def __repr__(self):
            parts = ', '.join([f'{f.name}={getattr(self, f.name)!r}' for f in repr_fields])
            return f'{self.__class__.__qualname__}({parts})'
        __repr__ = _recursive_repr(__repr__)
        __repr__.__qualname__ = f'{cls.__qualname__}.__repr__'
        cls.__repr__ = __repr__

    compare_fields = [f for f in data_fields if f.compare]

    def as_tuple(obj):
        return tuple([getattr(obj, f.name) for f in compare_fields])

    if eq and '__eq__' not in cls.__dict__:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return as_tuple(self) == as_tuple(other)
            return NotImplemented
        cls.__eq__ = __eq__

    if order:
        def make_compare(name, op):
            def compare(self, other):
                if other.__class__ is self.__class__:
                    return op(as_tuple(self), as_tuple(other))
                return NotImplemented
            compare.__name__ = name
            compare.__qualname__ = f'{cls.__qualname__}.{name}'
            return compare
        for name, op in [('__lt__', lambda a, b: a < b), ('__le__', lambda a, b: a <= b),
                         ('__gt__', lambda a, b: a > b), ('__ge__', lambda a, b: a >= b)]:
            if name in cls.__dict__:
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}. '
                                f'Consider using functools.total_ordering')
            setattr(cls, name, make_compare(name, op))

    if frozen:
        field_names = {f.name for f in data_fields}

        def __setattr__(self, name, value):
            if type(self) is cls or name in field_names:
                raise FrozenInstanceError(f'cannot assign to field {name!r}')
            super(cls, self).__setattr__(name, value)

        def __delattr__(self, name):
            if type(self) is cls or name in field_names:
                raise FrozenInstanceError(f'cannot delete field {name!r}')
            super(cls, self).__delattr__(name)
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__

    hash_fields = [f for f in data_fields if (f.compare if f.hash is None else f.hash)]
    has_explicit_hash = '__hash__' in cls.__dict__ and cls.__dict__['__hash__'] is not None
    if unsafe_hash or (eq and frozen):
        def __hash__(self):
            return hash(tuple([getattr(self, f.name) for f in hash_fields]))
        cls.__hash__ = __hash__
    elif eq and not has_explicit_hash:
        cls.__hash__ = None

    if match_args and '__match_args__' not in cls.__dict__:
        cls.__match_args__ = tuple([f.name for f in init_fields if not f.kw_only])
    if not getattr(cls, '__doc__'):
        cls.__doc__ = cls.__name__ + '(...)'
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        fields = getattr(class_or_instance, '__dataclass_fields__')
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple([f for f in fields.values() if f._field_type == '_FIELD'])


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            value = _asdict_inner(getattr(obj, f.name), dict_factory)
            result.append((f.name, value))
        return dict_factory(result)
    elif isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)([_asdict_inner(v, dict_factory) for v in obj])
    elif isinstance(obj, dict):
        return type(obj)([(_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                          for k, v in obj.items()])
    else:
        return _copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
    elif isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)([_astuple_inner(v, tuple_factory) for v in obj])
    elif isinstance(obj, dict):
        return type(obj)([(_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                          for k, v in obj.items()])
    else:
        return _copy.deepcopy(obj)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in obj.__dataclass_fields__.values():
        if f._field_type == '_FIELD_CLASSVAR':
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with '
                                 'init=False, it cannot be specified with replace()')
            continue
        if f.name not in changes:
            if f._field_type == '_FIELD_INITVAR' and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kwargs):
    namespace = dict(namespace or {})
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            annotations[item] = 'typing.Any'
        elif len(item) == 2:
            annotations[item[0]] = item[1]
        else:
            annotations[item[0]] = item[1]
            namespace[item[0]] = item[2]
    namespace['__annotations__'] = annotations
    cls = type(cls_name, bases, namespace)
    return dataclass(cls, **kwargs)
