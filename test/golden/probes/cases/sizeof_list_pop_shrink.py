import sys
a = list(range(40))
sizes = []
while a:
    a.pop()
    sizes.append(sys.getsizeof(a))
print(sizes)
