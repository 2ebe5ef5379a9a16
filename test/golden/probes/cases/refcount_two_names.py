import sys
class A: pass
a = A()
b = a
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))
