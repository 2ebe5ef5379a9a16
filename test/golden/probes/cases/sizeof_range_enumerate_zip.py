import sys
print(sys.getsizeof(range(100)), sys.getsizeof(enumerate([])), sys.getsizeof(zip()), sys.getsizeof(map(str, [])), sys.getsizeof(reversed([])))
