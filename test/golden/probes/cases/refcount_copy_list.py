import sys
import copy
class A: pass
a = A()
l = [a]
m = copy.copy(l)
print(sys.getrefcount(a))
