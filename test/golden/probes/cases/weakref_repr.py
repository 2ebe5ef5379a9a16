import weakref
class A:
    pass
def func():
    pass
a = A()
r = weakref.ref(a)
print(repr(r).split(";")[1])
rf = weakref.ref(func)
print(repr(rf).split(";")[1])
del a
print(repr(r).split(";")[1])
