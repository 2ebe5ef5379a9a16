import sys
a = list(range(30))
del a[5:25]
print(sys.getsizeof(a))
a[:] = []
print(sys.getsizeof(a))
