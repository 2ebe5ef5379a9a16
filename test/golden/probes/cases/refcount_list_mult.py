import sys
class A: pass
a = A()
l = [a] * 4
print(sys.getrefcount(a))
