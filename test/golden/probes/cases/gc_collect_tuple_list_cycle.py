import gc
gc.collect()
t = ([],)
t[0].append(t)
del t
print(gc.collect())
