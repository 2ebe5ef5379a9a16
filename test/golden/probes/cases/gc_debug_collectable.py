import gc
gc.collect()
l = []
l.append(l)
del l
gc.set_debug(gc.DEBUG_COLLECTABLE)
print(gc.collect())
gc.set_debug(0)
