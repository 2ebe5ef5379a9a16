import sys
class A:
    def m(self): pass
print(sys.getsizeof(A().m))
