import sys
class A: pass
def ident(x):
    return x
a = A()
b = ident(a)
print(sys.getrefcount(a))
