import sys
a = [1]
i = id(a)
del a
b = (1, 2, 3, 4)
print(id(b) == i)
