import gc
gc.collect()
d = {"a": [], "b": []}
d["a"].append(d)
d["b"].append(d["a"])
del d
print(gc.collect())
