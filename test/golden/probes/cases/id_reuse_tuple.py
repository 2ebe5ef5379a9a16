import sys
def f(): return (1, 2, 3)
x = 1000
a = (x, x + 1)
i = id(a)
del a
b = (x, x + 2)
print(id(b) == i)
