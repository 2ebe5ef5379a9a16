import weakref
class A:
    pass
def bad(w):
    raise ValueError("boom")
a = A()
r = weakref.ref(a, bad)
del a
print("still running")
