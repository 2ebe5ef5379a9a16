import gc
d = {}
d['x'] = []
d['x'] = 1
print(gc.is_tracked(d))
gc.collect(0)
print(gc.is_tracked(d))
gc.collect()
print(gc.is_tracked(d))
