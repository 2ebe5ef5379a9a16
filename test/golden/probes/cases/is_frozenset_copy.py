import sys
f = frozenset([1, 2])
print(frozenset(f) is f, f.copy() is f)
