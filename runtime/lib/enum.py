"""enum for the runtime: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, with CPython
3.11's member reprs (<Color.RED: 1>), lookups by value and name, iteration, aliases and the
functional API. Members are made in EnumType.__new__ from the class body, in order."""

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag',
           'auto', 'unique', 'ReprEnum']


class auto:
    _order = 0

    def __init__(self, value=None):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % self.value


def _is_descriptor(obj):
    return hasattr(obj, '__get__') or hasattr(obj, '__set__') or hasattr(obj, '__delete__')


def _is_member_name(name, value):
    if name.startswith('_'):
        return False
    if isinstance(value, auto):
        return True
    if _is_descriptor(value) or isinstance(value, type):
        return False
    return True


class EnumType(type):
    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        member_names = [k for k, v in classdict.items() if _is_member_name(k, v)]
        ignore = classdict.get('_ignore_', [])
        if isinstance(ignore, str):
            ignore = ignore.replace(',', ' ').split()
        member_names = [n for n in member_names if n not in ignore]
        values = {name: classdict[name] for name in member_names}
        namespace = {k: v for k, v in classdict.items() if k not in values and k not in ignore}
        for base in bases:
            for name in getattr(base, '_member_names_', ()):
                raise TypeError(f'<enum {cls!r}> cannot extend <enum {base.__name__!r}>')
        enum_class = super().__new__(metacls, cls, bases, namespace, **kwds)
        enum_class._member_names_ = []
        enum_class._member_map_ = {}
        enum_class._value2member_map_ = {}
        member_type = object
        for base in enum_class.__mro__[1:]:
            if base is not object and not isinstance(base, EnumType):
                member_type = base
                break
        enum_class._member_type_ = member_type
        # As CPython: where the lookup finds the data type's (or object's) method, the enum's
        # own __repr__/__str__/__format__ win (IntEnum's repr is <Priority.LOW: 1>).
        first_enum = next((b for b in enum_class.__mro__[1:] if isinstance(b, EnumType)), None)
        if first_enum is not None:
            for method in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
                if method in classdict:
                    continue
                found = getattr(enum_class, method)
                if found is getattr(member_type, method) or found is getattr(object, method):
                    type.__setattr__(enum_class, method, getattr(first_enum, method))
        last_values = []
        for name in member_names:
            value = values[name]
            if isinstance(value, auto):
                if value.value is None:
                    value.value = enum_class._generate_next_value_(name, 1, len(last_values), last_values[:])
                value = value.value
            last_values.append(value)
            args = value if isinstance(value, tuple) and member_type is not object else (value,)
            if member_type is object:
                member = object.__new__(enum_class)
            else:
                member = member_type.__new__(enum_class, *args)
            member._name_ = name
            member._value_ = value
            if '__init__' in enum_class.__dict__ and member_type is object:
                member.__init__(*args)
            existing = None
            for other in enum_class._member_map_.values():
                if other._value_ == value:
                    existing = other
                    break
            if existing is not None:
                member = existing
            else:
                enum_class._member_names_.append(name)
                try:
                    enum_class._value2member_map_[value] = member
                except TypeError:
                    pass
            enum_class._member_map_[name] = member
            type.__setattr__(enum_class, name, member)
        return enum_class

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):
        if names is not None:
            return cls._create_(value, names, module=module, qualname=qualname, type=type, start=start)
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is not None:
            raise TypeError(f'error in {cls.__name__}._missing_: returned {result!r} instead of None or a valid member')
        raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1):
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        body = {}
        if isinstance(names, dict):
            body.update(names)
        else:
            for index, item in enumerate(names):
                if isinstance(item, str):
                    body[item] = start + index if not getattr(cls, '_is_flag_', False) else 2 ** index
                else:
                    body[item[0]] = item[1]
        bases = (cls,) if type is None else (type, cls)
        return EnumType.__new__(EnumType, class_name, bases, body)

    def __iter__(cls):
        return iter([cls._member_map_[name] for name in cls._member_names_])

    def __reversed__(cls):
        return iter([cls._member_map_[name] for name in reversed(cls._member_names_)])

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        if isinstance(member, cls):
            return True
        return member in cls._value2member_map_ or any(
            [m._value_ == member for m in cls._member_map_.values()])

    def __getitem__(cls, name):
        return cls._member_map_[name]

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        if getattr(cls, '_is_flag_', False) and cls.__name__ in ('Flag', 'IntFlag'):
            return f"<flag {cls.__name__!r}>"
        return f"<enum {cls.__name__!r}>"

    def __bool__(cls):
        return True

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError(f'cannot reassign member {name!r}')
        super().__setattr__(name, value)

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError(f'{cls.__name__}: cannot delete Enum member.')
        super().__delattr__(attr)


EnumMeta = EnumType


class Enum(metaclass=EnumType):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        try:
            last = sorted(last_values)[-1] if all([isinstance(v, int) for v in last_values]) else last_values[-1]
            return last + 1
        except TypeError:
            raise TypeError('unable to sort non-numeric values') from None

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ if hasattr(self.__class__, '_value_repr_') else repr
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __dir__(self):
        return ['__class__', '__doc__', '__eq__', '__hash__', '__module__', 'name', 'value']

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_


class ReprEnum(Enum):
    pass


class IntEnum(int, ReprEnum):
    def __str__(self):
        return int.__repr__(self)

    def __format__(self, format_spec):
        return int.__format__(int(self), format_spec)

    _value_repr_ = int.__repr__


class StrEnum(str, ReprEnum):
    def __str__(self):
        return str.__str__(self)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class Flag(Enum):
    _is_flag_ = True

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high_bit = max(last_values).bit_length() - 1
        return 2 ** (high_bit + 1)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            return None
        all_bits = 0
        for m in cls._member_map_.values():
            all_bits |= m._value_
        if value & ~all_bits:
            return None
        pseudo = object.__new__(cls) if cls._member_type_ is object else cls._member_type_.__new__(cls, value)
        names = [m._name_ for m in cls if m._value_ & value == m._value_ and m._value_]
        pseudo._name_ = '|'.join(names) if names else None
        pseudo._value_ = value
        cls._value2member_map_[value] = pseudo
        return pseudo

    def __repr__(self):
        if self._name_ is None:
            return "<%s: %r>" % (self.__class__.__name__, self._value_)
        return "<%s.%s: %r>" % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        if self._name_ is None:
            return '%s(%r)' % (self.__class__.__name__, self._value_)
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __contains__(self, other):
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter([m for m in self.__class__ if m._value_ and m._value_ & self._value_ == m._value_])

    def __len__(self):
        return len(list(self))

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ ^ other._value_)

    def __invert__(self):
        all_bits = 0
        for m in self.__class__:
            all_bits |= m._value_
        return self.__class__(all_bits & ~self._value_)


class IntFlag(int, ReprEnum, Flag):
    def __str__(self):
        return int.__repr__(self)

    def __format__(self, format_spec):
        return int.__format__(int(self), format_spec)


def unique(enumeration):
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration
