import sys
d = {str(i): i for i in range(5)}
print(sys.getsizeof(d))
for k in list(d):
    del d[k]
print(sys.getsizeof(d))
d.clear()
print(sys.getsizeof(d))
