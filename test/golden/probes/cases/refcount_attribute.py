import sys
class A: pass
class B: pass
a = A()
b = B()
a.x = b
a.y = b
print(sys.getrefcount(b))
del a.x
print(sys.getrefcount(b))
