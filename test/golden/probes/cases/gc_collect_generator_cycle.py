import gc
gc.collect()
def gen():
    yield 1
g = gen()
holder = [g]
g.holder = None if False else 0
lst = [holder]
holder.append(lst)
del g, holder, lst
print(gc.collect())
