import gc
gc.collect()
base = gc.get_stats()
for i in range(3000):
    d = {}
    d["self"] = d
count = gc.get_count()
mid = gc.get_stats()
print(count)
print([m['collected'] - b0['collected'] for m, b0 in zip(mid, base)])
