import sys
x = 500
t = (x, x)
i = id(t)
del t
u = (x, x, x)
v = (x, x)
print(id(u) == i, id(v) == i)
