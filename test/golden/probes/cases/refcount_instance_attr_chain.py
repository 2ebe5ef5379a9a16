import sys
class A: pass
a = A(); b = A(); c = A()
a.next = b
b.next = c
c.prev = b
print(sys.getrefcount(b))
del a.next
print(sys.getrefcount(b))
