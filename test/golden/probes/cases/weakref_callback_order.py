import weakref
class A:
    pass
a = A()
refs = [weakref.ref(a, lambda w, i=i: print("callback", i)) for i in range(4)]
del a
print("done")
