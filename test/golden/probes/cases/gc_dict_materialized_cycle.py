import gc
gc.collect()
class A:
    pass
a = A()
a.x = 1
d = a.__dict__
a.me = a
del a, d
print(gc.collect())
