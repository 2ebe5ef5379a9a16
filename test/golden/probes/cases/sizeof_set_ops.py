import sys
s = set(range(10))
print(sys.getsizeof(s))
s.discard(3)
print(sys.getsizeof(s))
print(sys.getsizeof({x for x in range(5)}), sys.getsizeof(s | {100}))
