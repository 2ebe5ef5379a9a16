import sys
class A: pass
a = A(); b = A()
ia, ib = id(a), id(b)
del a
del b
c = A()
d = A()
print(id(c) == ib, id(d) == ia)
