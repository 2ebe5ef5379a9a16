import sys
class A: pass
a = A()
a.x = 1
d = a.__dict__
print(sys.getrefcount(d))
