# type: type(x), type(name, bases, ns), attributes (__name__, __qualname__, __mro__, __bases__), errors
show(lambda: (type(1), type('a'), type(type), type(object), type(None), type(len), type(print)))
show(lambda: type())
show(lambda: type(1, 2))
show(lambda: type('X', (), {}))
X = type('X', (object,), {'a': 1, 'f': lambda self: self.a + 1})
show(lambda: (X.__name__, X.__qualname__, X.__module__, X.__bases__, X().f(), X.a))
show(lambda: type('Y', (int,), {})(5) + 1)
show(lambda: type('Z', (1,), {}))
show(lambda: type('Z', (), []))
show(lambda: type(1, (), {}))
show(lambda: type('Z', (bool,), {}))
class A:
    class Inner:
        def m(self):
            pass
class B(A):
    pass
class C(A):
    pass
class D(B, C):
    pass
show(lambda: (D.__mro__, D.mro(), D.__bases__, D.__base__, A.Inner.__qualname__, A.Inner.m.__qualname__))
show(lambda: A.__subclasses__())
show(lambda: type.__subclasses__(A))
show(lambda: (issubclass(D, A), issubclass(A, D), isinstance(D(), B), isinstance(A, type)))
def mro_conflict():
    class P(A, B):
        pass
show(mro_conflict)
def dup_base():
    class P(A, A):
        pass
show(dup_base)
def layout_conflict():
    class P(int, str):
        pass
show(layout_conflict)
def oserror_valueerror():
    class P(OSError, ValueError):
        pass
    return P.__mro__
show(oserror_valueerror)
def final_base():
    class P(type(None)):
        pass
show(final_base)
def name_change():
    class N:
        pass
    N.__name__ = 'Renamed'
    N.__qualname__ = 'Q.Renamed'
    return N, N.__name__, repr(N())[:18]
show(name_change)
def name_bad():
    class N:
        pass
    N.__name__ = 5
show(name_bad)
def set_builtin():
    int.x = 1
show(set_builtin)
def del_builtin():
    del str.upper
show(del_builtin)
show(lambda: int.__name__.__class__)
show(lambda: type.__name__)
show(lambda: type.__mro__)
show(lambda: type.__base__)
show(lambda: type(type).__name__)
show(lambda: A.__dict__['__module__'])
show(lambda: type(A.__dict__).__name__)
show(lambda: A.__dict__['x'] if 'x' in A.__dict__ else 'no x')
show(lambda: repr(A))
show(lambda: repr(A.Inner))
show(lambda: str(int))
show(lambda: A.nope)
show(lambda: int.nope)
show(lambda: type.nope)
show(lambda: A.mro)
show(lambda: sorted(k for k in dir(A) if not k.startswith('__')))
show(lambda: '__init__' in dir(A))
show(lambda: type.__dict__['__name__'])
show(lambda: int.__dict__['bit_length'])
show(lambda: type(int.__dict__['from_bytes']).__name__)
show(lambda: type(int.__dict__['real']).__name__)
show(lambda: type(A.__dict__['__dict__']).__name__)
show(lambda: type(str.__dict__['__add__']).__name__)
show(lambda: (1).__add__)
show(lambda: type((1).__add__).__name__)
show(lambda: type(int.__add__).__name__)
show(lambda: type(int.__new__).__name__)
show(lambda: type(A.__init__).__name__)
show(lambda: type(A.__init__ if '__init__' in A.__dict__ else object.__init__).__name__)
show(lambda: type.__call__(int, '5'))
show(lambda: type.__prepare__('x', ()))
show(lambda: type.__instancecheck__(int, 1))
show(lambda: type.__subclasscheck__(int, bool))
show(lambda: A.__init_subclass__)
show(lambda: A.__class__)
show(lambda: type(A()).__mro__[-1])
