import gc
class N:
    pass
gc.collect()
base = gc.get_stats()
for i in range(20000):
    a = N(); b = N(); a.b = b; b.a = a
count = gc.get_count()
mid = gc.get_stats()
print(count)
print([m['collections'] - b0['collections'] for m, b0 in zip(mid, base)])
print([m['collected'] - b0['collected'] for m, b0 in zip(mid, base)])
print(gc.collect())
