import gc, weakref
class A:
    pass
r = weakref.ref(A, lambda w: print("class callback"))
del A
gc.collect()
print(r())
