import sys
class V: pass
v = V()
class A:
    x = v
print(sys.getrefcount(v))
