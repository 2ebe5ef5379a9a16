import gc
gc.collect()
a = [1]; b = [a]
a.append(b)
print(gc.collect())
print(len(a), len(b))
