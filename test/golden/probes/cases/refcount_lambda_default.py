import sys
class A: pass
a = A()
f = lambda q=a: q
print(sys.getrefcount(a))
