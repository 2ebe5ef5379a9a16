import sys
print(sys.getsizeof(",".join(["a", "b", "c"])), sys.getsizeof("%d-%d" % (1, 2)), sys.getsizeof(f"{10}:{20}"), sys.getsizeof(repr([1, 2])))
