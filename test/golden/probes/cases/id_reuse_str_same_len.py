import sys
a = "x" * 20
i = id(a)
del a
b = "y" * 20
print(id(b) == i)
c = "z" * 40
print(id(c) == i)
