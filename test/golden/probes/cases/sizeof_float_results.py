import sys
print(sys.getsizeof(1 / 3), sys.getsizeof(2.0 ** 0.5), sys.getsizeof(float("nan")))
