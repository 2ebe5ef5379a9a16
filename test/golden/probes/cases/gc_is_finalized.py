import gc
class A:
    def __del__(self):
        pass
class B:
    pass
a = A()
print(gc.is_finalized(a))
keep = []
class R:
    def __del__(self):
        keep.append(self)
r = R()
r.me = r
del r
gc.collect()
print(gc.is_finalized(keep[0]))
print(gc.is_finalized(B()), gc.is_finalized(1))
