import sys
class A:
    def m(self): pass
a = A()
m = a.m
print(sys.getrefcount(a))
del m
print(sys.getrefcount(a))
