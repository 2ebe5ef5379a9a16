import sys
class A: pass
print(id(A()) == id(A()))
print(id([]) == id([]))
print(id(1.5 * 2) == id(2.5 * 2))
