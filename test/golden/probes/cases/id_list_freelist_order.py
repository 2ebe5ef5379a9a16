import sys
a = [1]; b = [2]
ia, ib = id(a), id(b)
del a
del b
c = [3]; d = [4]
print(id(c) == ib, id(d) == ia)
