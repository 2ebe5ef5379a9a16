import gc
gc.collect()
gc.set_threshold(100, 5, 5)
base = gc.get_stats()
for i in range(5000):
    l = [i]
    l.append(l)
count = gc.get_count()
mid = gc.get_stats()
gc.set_threshold(700, 10, 10)
print(count)
print([m['collections'] - b0['collections'] for m, b0 in zip(mid, base)])
print([m['collected'] - b0['collected'] for m, b0 in zip(mid, base)])
print(gc.collect())
