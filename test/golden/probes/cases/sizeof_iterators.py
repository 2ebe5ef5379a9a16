import sys
print(sys.getsizeof(iter([])), sys.getsizeof(iter(())), sys.getsizeof(iter(range(3))))
