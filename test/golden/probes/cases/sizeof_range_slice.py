import sys
print(sys.getsizeof(range(10)), sys.getsizeof(slice(1, 2)))
