import gc
x = []
y = 12345
print(any(o is x for o in gc.get_objects()))
print(any(o is y for o in gc.get_objects()))
gc.collect()
print(any(o is x for o in gc.get_objects(2)), any(o is x for o in gc.get_objects(0)))
