import sys
print(sys.getsizeof(object()))
