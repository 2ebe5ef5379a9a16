import gc
gc.collect()
keep = []
c0 = gc.get_count()[0]
for i in range(50):
    keep.append([])
print(gc.get_count()[0] - c0)
