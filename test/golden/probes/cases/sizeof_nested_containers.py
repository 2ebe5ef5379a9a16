import sys
a = [[1, 2], [3, 4]]
print(sys.getsizeof(a), sum(sys.getsizeof(x) for x in a))
