import sys
class A: pass
def f(x):
    y = x
    return sys.getrefcount(x)
a = A()
print(f(a))
print(sys.getrefcount(a))
