import sys
class A: pass
a = A()
def outer(x):
    def inner():
        return x
    return inner
f = outer(a)
g = outer(a)
print(sys.getrefcount(a))
del f
print(sys.getrefcount(a))
