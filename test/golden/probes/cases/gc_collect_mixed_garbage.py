import gc
gc.collect()
class A:
    pass
for i in range(3):
    a = A(); b = [a]; a.b = b
    d = {'x': d} if False else {}
    d['d'] = d
del a, b, d
print(gc.collect())
