import gc, weakref
gc.collect()
class A:
    pass
a = A()
a.me = a
r = weakref.ref(a, lambda w: print("callback", w() is None))
del a
print("collecting")
print(gc.collect())
print(r())
