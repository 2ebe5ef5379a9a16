import gc
gc.collect()
d = {}
d["d"] = d
del d
gc.set_debug(gc.DEBUG_COLLECTABLE | gc.DEBUG_SAVEALL)
print(gc.collect())
gc.set_debug(0)
print(len(gc.garbage), type(gc.garbage[0]).__name__)
