import sys
l = [1, 2]
print(l[:] is l, list(l) is l, l.copy() is l, l[:] == l)
