import gc
t = tuple([1, 2, 3])
u = tuple([[], 1])
print(gc.is_tracked(t), gc.is_tracked(u))
gc.collect()
print(gc.is_tracked(t), gc.is_tracked(u))
print(gc.is_tracked(()))
