import sys
class A: pass
def outer():
    a = A()
    def inner():
        return a
    return inner, a
f, a = outer()
print(sys.getrefcount(a))
