import sys
n = 10 ** 20
a = n + 1
i = id(a)
del a
b = n + 2
print(id(b) == i)
