import gc
gc.collect()
class A:
    pass
a = A()
a.me = a
del a
print(gc.collect())
