import sys
class A: pass
a = A()
l = [a, a]
l.remove(a)
print(sys.getrefcount(a))
