import sys
class A: pass
a = A()
t = ((a,), (a, a))
print(sys.getrefcount(a))
