import gc
gc.collect()
class A:
    def m(self):
        pass
a = A()
a.bm = a.m
del a
print(gc.collect())
