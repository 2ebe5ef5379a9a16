import sys
def g(x):
    yield x
print(sys.getrefcount(g))
a = g(1)
print(sys.getrefcount(g))
next(a)
for _ in a: pass
print(sys.getrefcount(g))
del a
print(sys.getrefcount(g))
b = g(2)
del b
print(sys.getrefcount(g))
c = g(3); next(c); del c
print(sys.getrefcount(g))
