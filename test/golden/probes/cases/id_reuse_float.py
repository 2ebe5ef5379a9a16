import sys
x = 1.5
a = x * 2
i = id(a)
del a
b = x * 3
print(id(b) == i)
