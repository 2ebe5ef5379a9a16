import sys
def g():
    yield 1
print(sys.getsizeof(g()), sys.getsizeof(x for x in []))
