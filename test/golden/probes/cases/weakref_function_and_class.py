import weakref
def f():
    return 1
class C:
    pass
rf = weakref.ref(f)
rc = weakref.ref(C)
print(rf()(), rc().__name__)
del f
print(rf())
