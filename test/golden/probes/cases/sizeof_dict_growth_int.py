import sys
d = {}
sizes = []
for i in range(30):
    d[i] = i
    sizes.append(sys.getsizeof(d))
print(sizes)
