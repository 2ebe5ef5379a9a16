import sys
a = 1.5 * 2
b = 2.5 * 2
c = 3.5 * 2
ia, ib, ic = id(a), id(b), id(c)
del a, b, c
x = 4.5 * 2
y = 5.5 * 2
z = 6.5 * 2
print(id(x) == ic, id(y) == ib, id(z) == ia)
