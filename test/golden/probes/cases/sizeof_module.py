import sys
print(sys.getsizeof(sys))
