import sys
a = 2 ** 30
print(sys.getsizeof(a - 1), sys.getsizeof(a), sys.getsizeof(-a), sys.getsizeof(a * a), sys.getsizeof(True + True))
