import weakref
class A:
    pass
a = A()
p = weakref.proxy(a, lambda w: print("proxy callback"))
del a
print("after")
