import sys
l = [1, 2, 3]
print(sys.getrefcount(l))
it = iter(l)
print(sys.getrefcount(l))
del it
print(sys.getrefcount(l))
