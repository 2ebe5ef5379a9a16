import sys
d = {str(i): i for i in range(8)}
print(sys.getsizeof(d.copy()), sys.getsizeof(dict(d)), sys.getsizeof({**d}))
