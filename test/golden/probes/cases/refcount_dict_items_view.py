import sys
d = {"a": 1}
print(sys.getrefcount(d))
k = d.keys()
print(sys.getrefcount(d))
