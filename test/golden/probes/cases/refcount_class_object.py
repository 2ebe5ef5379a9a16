import sys
class A: pass
print(sys.getrefcount(A))
a = A()
print(sys.getrefcount(A))
