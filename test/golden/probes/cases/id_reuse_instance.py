import sys
class A: pass
a = A()
i = id(a)
del a
b = A()
print(id(b) == i)
