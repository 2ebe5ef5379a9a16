import sys
class A: pass
a = A()
refs = [a for _ in range(5)]
print(sys.getrefcount(a))
refs.clear()
print(sys.getrefcount(a))
