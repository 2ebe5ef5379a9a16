import gc
class A:
    pass
gc.collect()
keep = [A() for i in range(20)]
c1 = gc.get_count()[0]
del keep[:10]
c2 = gc.get_count()[0]
print(c1 - c2)
