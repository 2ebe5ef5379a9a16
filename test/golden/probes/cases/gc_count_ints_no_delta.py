import gc
gc.collect()
keep = []
c0 = gc.get_count()[0]
for i in range(30):
    keep.append(i * 1000)
print(gc.get_count()[0] - c0)
