import sys
class A: pass
a = A()
l = [a]
s = sorted(l, key=id)
print(sys.getrefcount(a))
