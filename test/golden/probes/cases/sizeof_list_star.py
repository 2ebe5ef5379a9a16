import sys
print(sys.getsizeof([*range(3)]), sys.getsizeof([*range(7)]), sys.getsizeof([*"abcde"]))
