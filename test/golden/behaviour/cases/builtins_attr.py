# attribute builtins: getattr/setattr/hasattr/delattr, vars, dir, callable, isinstance, issubclass, id
class P:
    cls_attr = 'c'
    def __init__(self):
        self.x = 1
    def method(self):
        return 'm'
p = P()
show(lambda: (getattr(p, 'x'), getattr(p, 'y', 'dflt'), getattr(p, 'cls_attr'), getattr(P, 'method').__name__))
show(lambda: getattr(p, 'y'))
show(lambda: getattr(p, 5))
show(lambda: getattr(p))
show(lambda: getattr(1, 'real'))
show(lambda: getattr(1, 'nope', None))
show(lambda: (hasattr(p, 'x'), hasattr(p, 'nope'), hasattr(1, 'real')))
show(lambda: hasattr(p, 1))
class Raises:
    @property
    def boom(self):
        raise ValueError('inside property')
    @property
    def missing(self):
        raise AttributeError('custom missing')
show(lambda: hasattr(Raises(), 'boom'))
show(lambda: hasattr(Raises(), 'missing'))
show(lambda: getattr(Raises(), 'missing', 'fallback'))
def set_and_del():
    q = P()
    setattr(q, 'z', 3)
    setattr(q, 'x', 9)
    delattr(q, 'x')
    return vars(q)
show(set_and_del)
show(lambda: setattr(p, 1, 2))
show(lambda: delattr(p, 'nope'))
show(lambda: setattr(1, 'x', 2))
show(lambda: setattr(1, 'real', 2))
show(lambda: delattr(1, 'real'))
show(lambda: (vars(p), sorted(vars(P))[:3]))
show(lambda: vars(1))
show(lambda: vars(p, p))
show(lambda: sorted(vars().keys()) if False else 'skip')
show(lambda: [n for n in dir(p) if not n.startswith('__')])
show(lambda: dir(P) == sorted(dir(P)))
class CustomDir:
    def __dir__(self):
        return ['b', 'a', 'c']
class BadDir:
    def __dir__(self):
        return 5
show(lambda: dir(CustomDir()))
show(lambda: dir(BadDir()))
show(lambda: dir(1, 2))
show(lambda: (callable(len), callable(P), callable(p), callable(p.method), callable(1), callable(None), callable(lambda: 0)))
class CallMe:
    def __call__(self):
        return 'called'
show(lambda: (callable(CallMe()), CallMe()()))
show(lambda: p())
show(lambda: (isinstance(1, int), isinstance(True, int), isinstance(1, (str, (float, int))), isinstance(1, ())))
show(lambda: isinstance(1, 1))
show(lambda: isinstance(1, [int]))
show(lambda: isinstance(1, int | str))
show(lambda: (issubclass(bool, int), issubclass(int, (str, object)), issubclass(P, P)))
show(lambda: issubclass(1, int))
show(lambda: issubclass(int, 1))
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == 'magic'
    def __subclasscheck__(cls, sub):
        return sub is int
class Magic(metaclass=Meta):
    pass
show(lambda: (isinstance('magic', Magic), isinstance(1, Magic), issubclass(int, Magic), issubclass(str, Magic)))
show(lambda: id(p) == id(p))
show(lambda: type(id(p)))
show(lambda: isinstance(p, P.__class__))
show(lambda: getattr(P, '__name__'))
show(lambda: getattr(p, '__class__'))
class Dyn:
    def __getattr__(self, name):
        if name.startswith('dyn_'):
            return name[4:]
        raise AttributeError(name)
show(lambda: (Dyn().dyn_hello, hasattr(Dyn(), 'other'), getattr(Dyn(), 'dyn_x', None)))
show(lambda: Dyn().other)
class GetAttribute:
    def __getattribute__(self, name):
        if name == 'secret':
            return 42
        return object.__getattribute__(self, name)
show(lambda: (GetAttribute().secret, hasattr(GetAttribute(), 'nope')))
