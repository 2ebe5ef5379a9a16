import gc
gc.collect()
l = []
l.append(l)
gc.freeze()
del l
print(gc.collect())
gc.unfreeze()
print(gc.collect())
