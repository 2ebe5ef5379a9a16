import gc
gc.collect()
gens = []
gc.callbacks.append(lambda p, i: gens.append(i["generation"]) if p == "stop" else None)
gc.set_threshold(50, 3, 3)
class A:
    pass
keep = []
for i in range(200):
    keep.append(A())
gc.callbacks.clear()
gc.set_threshold(700, 10, 10)
print(len(gens) > 0, set(gens) <= {0, 1, 2})
print(gens.count(0) >= gens.count(1))
