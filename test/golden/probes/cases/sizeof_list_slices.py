import sys
a = list(range(20))
print(sys.getsizeof(a[:5]), sys.getsizeof(a[::2]), sys.getsizeof(a[:]))
