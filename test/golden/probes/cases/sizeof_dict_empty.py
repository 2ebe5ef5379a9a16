import sys
print(sys.getsizeof({}), sys.getsizeof(dict()))
