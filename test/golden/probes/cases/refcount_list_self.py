import sys
l = []
l.append(l)
print(sys.getrefcount(l))
