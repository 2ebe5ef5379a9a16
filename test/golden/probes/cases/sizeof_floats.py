import sys
print(sys.getsizeof(1.0), sys.getsizeof(float("inf")), sys.getsizeof(-0.0))
