import sys
class A: pass
a = A()
e = ValueError(a)
print(sys.getrefcount(a))
