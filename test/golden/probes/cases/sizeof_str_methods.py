import sys
s = "hello"
print(sys.getsizeof(s.upper()), sys.getsizeof(s + "\xe9"), sys.getsizeof(s + "\u20ac"))
