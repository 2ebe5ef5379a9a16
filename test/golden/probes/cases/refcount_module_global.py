import sys
class A: pass
a = A()
def f():
    return sys.getrefcount(a)
print(f())
