import weakref
class A:
    pass
a = A()
f = weakref.finalize(a, print, "finalized", 1)
print(f.alive)
del a
print(f.alive)
