import sys
print(sys.getsizeof(sorted([3, 1, 2])), sys.getsizeof(sorted(range(10))))
