import gc
gc.collect()
a = [1]; b = [2]
a.append(b); b.append(a)
del a, b
print(gc.collect())
print(gc.collect())
