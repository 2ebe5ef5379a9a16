import sys
class A: pass
t = (A(), A())
x, y = t
print(sys.getrefcount(x))
