import sys
a = []
for i in range(10):
    a.insert(0, i)
    print(sys.getsizeof(a), end=" ")
print()
