# object: default repr/str/eq/hash/dir, attributes, __class__ assignment, __init_subclass__, errors
o = object()
show(lambda: (type(o), o == o, o != o, o == object(), bool(o)))
show(lambda: repr(o).startswith('<object object at 0x'))
show(lambda: str(o) == repr(o))
show(lambda: o.x)
def setattr_on_object():
    o.x = 1
show(setattr_on_object)
show(lambda: object(1))
show(lambda: object.__new__(object) is not None)
show(lambda: object.__new__(int))
show(lambda: object.__init__(o))
show(lambda: object.__init__(o, 1))
show(lambda: sorted(dir(o)))
show(lambda: object.__bases__)
show(lambda: object.__mro__)
show(lambda: object.__base__)
show(lambda: object.__class__)
show(lambda: o.__class__)
show(lambda: o.__eq__(o))
show(lambda: o.__eq__(1))
show(lambda: o.__ne__(o))
show(lambda: o.__lt__(o))
show(lambda: o < o)
show(lambda: o.__sizeof__())
show(lambda: o.__format__(''))
show(lambda: o.__format__('x'))
show(lambda: o.__reduce_ex__(2)[0].__name__)
show(lambda: object.__subclasshook__())
show(lambda: o.__dir__() is not None)
class A:
    def __init__(self, x):
        self.x = x
class B:
    pass
a = A(1)
show(lambda: (a.x, a.__dict__, vars(a), type(a).__name__, type(a).__qualname__, A.__module__))
show(lambda: repr(a).startswith('<__main__.A object at 0x'))
def class_assign():
    a2 = A(2)
    a2.__class__ = B
    return type(a2).__name__, a2.x
show(class_assign)
def class_assign_bad():
    a2 = A(2)
    a2.__class__ = int
show(class_assign_bad)
def class_assign_bad2():
    (1).__class__ = bool
show(class_assign_bad2)
def dict_assign():
    a3 = A(3)
    a3.__dict__ = {'y': 4}
    return a3.y, hasattr(a3, 'x')
show(dict_assign)
def dict_assign_bad():
    a3 = A(3)
    a3.__dict__ = 5
show(dict_assign_bad)
show(lambda: A.__dict__['__init__'].__name__)
show(lambda: sorted(k for k in A.__dict__))
show(lambda: A.__doc__)
show(lambda: hash(a) == hash(a))
show(lambda: a == A(1))
class Hashless:
    def __eq__(self, other):
        return True
show(lambda: Hashless.__hash__)
show(lambda: hash(Hashless()))
show(lambda: {Hashless()})
class Sub:
    def __init_subclass__(cls, flag=None, **kw):
        cls.flag = flag
class SubChild(Sub, flag='yes'):
    pass
show(lambda: SubChild.flag)
def bad_kw():
    class Bad(B, flag=1):
        pass
show(bad_kw)
class Slots:
    __slots__ = ('a', 'b')
def slots():
    s = Slots()
    s.a = 1
    return s.a, hasattr(s, '__dict__'), Slots.a
show(slots)
def slots_bad():
    s = Slots()
    s.c = 1
show(slots_bad)
def slots_unset():
    return Slots().b
show(slots_unset)
show(lambda: object.__setattr__(o, 'q', 1))
show(lambda: object.__getattribute__(a, 'x'))
show(lambda: object.__getattribute__(a, 'nope'))
show(lambda: object.__delattr__(a, 'nope'))
show(lambda: object.__hash__(a) == hash(a))
show(lambda: object.__repr__(5).startswith('<int object at'))
show(lambda: object.__str__(5))
