import sys
class A:
    def m(self):
        return sys.getrefcount(self)
a = A()
print(a.m())
