import weakref
class A:
    pass
a = A()
r = weakref.ref(a, None)
print(r is weakref.ref(a), r.__callback__)
def cb(w):
    pass
r2 = weakref.ref(a, cb)
print(r2.__callback__ is cb)
