import sys
class A: pass
a = A()
l = [a, a, a]
print(sys.getrefcount(a))
l.pop()
print(sys.getrefcount(a))
del l
print(sys.getrefcount(a))
