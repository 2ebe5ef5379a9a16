import sys
print(sys.getsizeof([]), sys.getsizeof(()), sys.getsizeof({}), sys.getsizeof(set()), sys.getsizeof(""), sys.getsizeof(b""), sys.getsizeof(frozenset()))
