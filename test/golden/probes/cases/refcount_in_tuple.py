import sys
class A: pass
a = A()
t = (a, a)
print(sys.getrefcount(a))
