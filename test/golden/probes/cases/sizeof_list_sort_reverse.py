import sys
a = [3, 1, 2, 5, 4]
a.sort()
print(sys.getsizeof(a))
a.reverse()
print(sys.getsizeof(a))
