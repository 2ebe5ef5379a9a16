import sys
print(sys.getsizeof(ValueError("x")), sys.getsizeof(Exception()))
