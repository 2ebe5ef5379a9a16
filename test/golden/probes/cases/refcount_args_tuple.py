import sys
class A: pass
a = A()
def f(*args):
    return sys.getrefcount(args[0])
print(f(a))
