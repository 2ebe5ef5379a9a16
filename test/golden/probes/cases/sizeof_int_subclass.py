import sys
class I(int): pass
print(sys.getsizeof(I(5)), sys.getsizeof(5))
