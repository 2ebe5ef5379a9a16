import sys
print(sys.getsizeof(bytearray()), sys.getsizeof(bytearray(b"abc")))
