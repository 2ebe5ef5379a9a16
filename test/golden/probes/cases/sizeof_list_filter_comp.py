import sys
print(sys.getsizeof([x for x in range(30) if x % 3 == 0]))
