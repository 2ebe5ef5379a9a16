import sys
class A: pass
class B: pass
a = A()
i = id(a)
del a
b = B()
print(id(b) == i)
