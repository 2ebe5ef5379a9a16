import sys
l = [1, 2]
z = zip(l, l)
print(sys.getrefcount(l))
m = map(str, l)
print(sys.getrefcount(l))
