import sys
s = set()
sizes = [sys.getsizeof(s)]
for i in range(40):
    s.add(i)
    sizes.append(sys.getsizeof(s))
print(sizes)
print(sys.getsizeof(frozenset()), sys.getsizeof({1, 2, 3}))
