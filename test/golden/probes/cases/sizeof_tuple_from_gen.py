import sys
print(sys.getsizeof(tuple(x for x in range(5))), sys.getsizeof(tuple([1, 2, 3])))
