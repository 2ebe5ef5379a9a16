import sys
print(sys.getsizeof(list(range(10))), sys.getsizeof(list(x for x in range(10))), sys.getsizeof([x for x in range(10)]), sys.getsizeof([0] * 10))
