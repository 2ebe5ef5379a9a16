import sys
x = 2 ** 64
print(sys.getsizeof(x), sys.getsizeof(x * x), sys.getsizeof(x - x), sys.getsizeof(-x))
