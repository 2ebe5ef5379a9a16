import sys
a = []
a.extend(range(5))
print(sys.getsizeof(a))
a.extend([1, 2, 3])
print(sys.getsizeof(a))
a += (4, 5)
print(sys.getsizeof(a))
a.clear()
print(sys.getsizeof(a))
