import sys
class A: pass
a = A()
n = len([a for _ in range(4)])
print(n, sys.getrefcount(a))
