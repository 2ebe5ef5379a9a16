import sys
class A: pass
class B(A): pass
print(sys.getrefcount(A))
