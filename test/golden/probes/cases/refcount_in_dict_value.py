import sys
class A: pass
a = A()
d = {"k": a, "j": a}
print(sys.getrefcount(a))
del d["k"]
print(sys.getrefcount(a))
