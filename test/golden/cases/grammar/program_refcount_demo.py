import sys
import gc

a = []
b = a
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))
gc.collect()
print(gc.get_count(), gc.get_threshold())
