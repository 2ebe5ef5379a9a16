import gc
gc.collect()
x = []
print(any(o is x for o in gc.get_objects(0)))
gc.collect(0)
print(any(o is x for o in gc.get_objects(0)), any(o is x for o in gc.get_objects(1)))
gc.collect(1)
print(any(o is x for o in gc.get_objects(1)), any(o is x for o in gc.get_objects(2)))
for g in (3, -1):
    try:
        gc.get_objects(g)
    except ValueError as e:
        print(e)
