# metaclasses: super().__call__ in a metaclass, __setattr__/__delattr__ on classes, __prepare__, keywords
class Singleton(type):
    instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in Singleton.instances:
            Singleton.instances[cls] = super().__call__(*args, **kwargs)
        return Singleton.instances[cls]
class One(metaclass=Singleton):
    def __init__(self, v):
        self.v = v
show(lambda: (One(1).v, One(2).v, One(3) is One(4)))
class Counting(type):
    calls = 0
    def __call__(cls, *args, **kwargs):
        Counting.calls += 1
        obj = super(Counting, cls).__call__(*args, **kwargs)
        obj.tag = 'made'
        return obj
class Thing(metaclass=Counting):
    pass
class SubThing(Thing):
    def __init__(self, x=0):
        self.x = x
show(lambda: (Thing().tag, SubThing(5).x, SubThing().tag, Counting.calls))
class Frozen(type):
    def __setattr__(cls, name, value):
        if name.startswith('_'):
            return super().__setattr__(name, value)
        raise AttributeError(f'{cls.__name__} is frozen: {name}')
    def __delattr__(cls, name):
        raise AttributeError(f'cannot delete {name}')
class Config(metaclass=Frozen):
    x = 1
def set_frozen():
    Config.x = 2
show(set_frozen)
def set_private():
    Config._y = 3
    return Config._y
show(set_private)
def del_frozen():
    del Config.x
show(del_frozen)
show(lambda: setattr(Config, 'z', 1))
show(lambda: Config.x)
class Logged(type):
    log = []
    def __setattr__(cls, name, value):
        Logged.log.append((cls.__name__, name, value))
        type.__setattr__(cls, name, value)
class L(metaclass=Logged):
    pass
def logged():
    L.a = 1
    L.b = 'two'
    return Logged.log, L.a
show(logged)
class Prep(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        ns = {'injected': kw.get('tag')}
        return ns
    def __new__(mcs, name, bases, ns, **kw):
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.kw = kw
class WithPrep(metaclass=Prep, tag='T', other=1):
    pass
show(lambda: (WithPrep.injected, WithPrep.kw, type(WithPrep).__name__))
class Ordered(type):
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        cls.order = [k for k in ns if not k.startswith('__')]
        return cls
class O(metaclass=Ordered):
    b = 1
    a = 2
    def c(self):
        pass
show(lambda: O.order)
def meta_conflict():
    class M1(type):
        pass
    class M2(type):
        pass
    class A(metaclass=M1):
        pass
    class B(metaclass=M2):
        pass
    class C(A, B):
        pass
show(meta_conflict)
def meta_function():
    def meta(name, bases, ns):
        return name.upper()
    class lower(metaclass=meta):
        pass
    return lower
show(meta_function)
class Meta(type):
    def __repr__(cls):
        return f'<class {cls.__name__} via Meta>'
    def method(cls):
        return 'meta method'
    @property
    def prop(cls):
        return 'meta prop'
class UsesMeta(metaclass=Meta):
    pass
show(lambda: (repr(UsesMeta), UsesMeta.method(), UsesMeta.prop, hasattr(UsesMeta(), 'method')))
show(lambda: type(UsesMeta))
show(lambda: type.__call__(UsesMeta).__class__.__name__)
class NewReturnsOther:
    def __new__(cls):
        return 42
    def __init__(self):
        raise RuntimeError('not called')
show(lambda: NewReturnsOther())
class InitReturns:
    def __init__(self):
        return 5
show(lambda: InitReturns())
class ArgsToObject:
    pass
show(lambda: ArgsToObject(1))
class OnlyNew:
    def __new__(cls, *args):
        return super().__new__(cls)
show(lambda: type(OnlyNew(1, 2)).__name__)
class OnlyInit:
    def __init__(self, *args):
        self.args = args
show(lambda: OnlyInit(1, 2).args)
class SubType(type):
    pass
show(lambda: SubType('Dyn', (), {'v': 1}).v)
show(lambda: type(SubType('Dyn', (), {})).__name__)
show(lambda: SubType('x'))
show(lambda: SubType.__call__.__qualname__ if hasattr(SubType.__call__, '__qualname__') else 'x')
class InitSub:
    subs = []
    def __init_subclass__(cls, /, **kwargs):
        super().__init_subclass__(**kwargs)
        InitSub.subs.append(cls.__name__)
class S1(InitSub): pass
class S2(S1): pass
show(lambda: InitSub.subs)
class ClassGetItem:
    def __class_getitem__(cls, item):
        return f'{cls.__name__}[{item!r}]'
show(lambda: ClassGetItem[int])
show(lambda: ClassGetItem['x', 1])
