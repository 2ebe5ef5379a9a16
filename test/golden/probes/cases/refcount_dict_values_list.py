import sys
class A: pass
a = A()
d = {1: a, 2: a}
vals = list(d.values())
print(sys.getrefcount(a))
