import sys
class A: pass
a = A()
d = {"x": a}
v = d.pop("x")
print(sys.getrefcount(a))
del v
print(sys.getrefcount(a))
