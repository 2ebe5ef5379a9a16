import gc
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
a = []; b = [a]; a.append(b)
del a, b
print(gc.collect())
print(len(gc.garbage), [type(o).__name__ for o in gc.garbage])
gc.set_debug(0)
gc.garbage.clear()
print(gc.garbage)
