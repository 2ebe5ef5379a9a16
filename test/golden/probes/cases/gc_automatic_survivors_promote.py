import gc
class N:
    pass
gc.collect()
keep = []
for i in range(3000):
    n = N()
    n.me = n
    if i % 3 == 0:
        keep.append(n)
count = gc.get_count()
print(count)
print(sum(1 for o in gc.get_objects(2) if type(o) is N) > 0)
print(gc.collect())
print(len(keep))
