import sys
class A:
    def __sizeof__(self): return -1
try:
    sys.getsizeof(A())
except ValueError as e:
    print("ValueError", e)
