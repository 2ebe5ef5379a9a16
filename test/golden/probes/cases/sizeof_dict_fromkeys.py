import sys
print(sys.getsizeof(dict.fromkeys("abc")), sys.getsizeof(dict(a=1, b=2)))
