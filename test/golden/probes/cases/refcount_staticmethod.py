import sys
def f(): pass
class A:
    g = staticmethod(f)
print(sys.getrefcount(f))
