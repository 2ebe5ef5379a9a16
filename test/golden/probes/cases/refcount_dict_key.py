import sys
class K: pass
k = K()
d = {k: 1}
print(sys.getrefcount(k))
