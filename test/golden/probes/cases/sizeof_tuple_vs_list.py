import sys
items = list(range(5))
print(sys.getsizeof(items), sys.getsizeof(tuple(items)))
