import gc
gc.collect()
class Node:
    pass
x = Node(); y = Node()
x.other = y; y.other = x
del x, y
print(gc.collect())
