import gc
class A:
    pass
gc.collect()
keep = []
c0 = gc.get_count()[0]
for i in range(40):
    keep.append(A())
print(gc.get_count()[0] - c0)
