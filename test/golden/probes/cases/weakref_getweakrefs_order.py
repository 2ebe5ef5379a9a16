import weakref
class A:
    pass
a = A()
r1 = weakref.ref(a, lambda w: None)
r0 = weakref.ref(a)
r2 = weakref.ref(a, lambda w: None)
refs = weakref.getweakrefs(a)
print([refs.index(r) for r in (r0, r1, r2)])
print(weakref.getweakrefcount(a), weakref.getweakrefcount(1))
