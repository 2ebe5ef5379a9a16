import sys
l = [1]
print(sys.getrefcount(l))
e = enumerate(l)
print(sys.getrefcount(l))
