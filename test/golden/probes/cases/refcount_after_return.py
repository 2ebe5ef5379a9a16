import sys
class A: pass
def make():
    return A()
x = make()
print(sys.getrefcount(x))
