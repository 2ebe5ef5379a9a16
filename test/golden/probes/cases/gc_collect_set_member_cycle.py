import gc
gc.collect()
class A:
    pass
a = A()
s = {a}
a.s = s
del a, s
print(gc.collect())
