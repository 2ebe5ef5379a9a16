import sys
for t in [(), (1,), (1, 2), tuple(range(10))]:
    print(len(t), sys.getsizeof(t))
