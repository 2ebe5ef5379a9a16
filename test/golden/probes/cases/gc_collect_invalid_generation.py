import gc
for g in (3, -1, 10):
    try:
        gc.collect(g)
    except ValueError as e:
        print(type(e).__name__, e)
