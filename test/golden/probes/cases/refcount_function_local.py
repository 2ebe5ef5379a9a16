import sys
class A: pass
def f(x):
    return sys.getrefcount(x)
a = A()
print(f(a))
