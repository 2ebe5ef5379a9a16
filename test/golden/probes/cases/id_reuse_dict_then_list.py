import sys
d = {}
i = id(d)
del d
l = []
print(id(l) == i)
