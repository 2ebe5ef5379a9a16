import gc
gc.collect()
c = [0]*20
c[0] = gc.get_count()[0]
print(1)
c[1] = gc.get_count()[0]
print(1)
c[2] = gc.get_count()[0]
print(1, 2)
c[3] = gc.get_count()[0]
print(1, 2, 3)
c[4] = gc.get_count()[0]
gc.collect()
c[5] = gc.get_count()[0]
print(1)
c[6] = gc.get_count()[0]
gc.collect()
c[7] = gc.get_count()[0]
x = [1]
del x
c[8] = gc.get_count()[0]
print(1)
c[9] = gc.get_count()[0]
print(c[:10])
