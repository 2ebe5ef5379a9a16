import sys
a = {"x": 1}
i = id(a)
del a
b = {"y": 2}
print(id(b) == i)
