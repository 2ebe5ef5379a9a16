import weakref
class A:
    pass
a = A()
r1 = weakref.ref(a)
r2 = weakref.ref(a)
r3 = weakref.ref(a, lambda w: None)
print(r1 is r2, r1 is r3, r1 == r3)
print(weakref.getweakrefcount(a))
