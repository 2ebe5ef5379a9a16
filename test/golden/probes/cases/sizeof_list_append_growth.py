import sys
a = []
sizes = []
for i in range(40):
    a.append(i)
    sizes.append(sys.getsizeof(a))
print(sizes)
