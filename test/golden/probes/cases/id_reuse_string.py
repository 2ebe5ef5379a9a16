import sys
s = "abc"
a = s * 3
i = id(a)
del a
b = s * 3
print(id(b) == i)
