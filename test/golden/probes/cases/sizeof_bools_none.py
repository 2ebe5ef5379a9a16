import sys
print(sys.getsizeof(True), sys.getsizeof(False), sys.getsizeof(None))
