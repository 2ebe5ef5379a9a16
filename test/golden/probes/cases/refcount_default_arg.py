import sys
class A: pass
d = A()
def f(x=d): pass
print(sys.getrefcount(d))
