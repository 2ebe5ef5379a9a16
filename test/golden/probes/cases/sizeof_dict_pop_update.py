import sys
d = {str(i): i for i in range(8)}
print(sys.getsizeof(d))
d.pop("1")
print(sys.getsizeof(d))
d.update({"x": 1, "y": 2})
print(sys.getsizeof(d))
