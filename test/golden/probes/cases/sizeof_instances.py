import sys
class A: pass
class B:
    __slots__ = ()
class C:
    __slots__ = ("x", "y")
print(sys.getsizeof(A()), sys.getsizeof(B()), sys.getsizeof(C()))
