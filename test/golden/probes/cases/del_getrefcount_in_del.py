import sys
class A:
    def __del__(self):
        print("refcount in __del__", sys.getrefcount(self))
a = A()
del a
