class A:
    pass
class B():
    pass
class C(A):
    x = 1
class D(A, B, metaclass=M):
    pass
class E(*bases, **kwds):
    pass
class F(A, x=1, *rest, y=2, **more):
    pass
class G: pass
