import sys
class A: pass
a = A()
def f(**kw):
    return sys.getrefcount(kw["x"])
print(f(x=a))
