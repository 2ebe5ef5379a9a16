import sys
print(sys.getsizeof({1, 2, 3, 4, 5}), sys.getsizeof(set(range(10))), sys.getsizeof(set(range(100))))
