import sys
class A:
    def m(self): pass
a = A()
ms = [a.m for _ in range(3)]
print(sys.getrefcount(a))
