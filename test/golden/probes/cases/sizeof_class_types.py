import sys
print(sys.getsizeof(int), sys.getsizeof(type))
