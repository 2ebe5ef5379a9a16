import gc
gc.collect()
gc.set_threshold(0)
ran = []
gc.callbacks.append(lambda p, i: ran.append(p))
keep = [[] for i in range(2000)]
gc.callbacks.clear()
gc.set_threshold(700, 10, 10)
print(ran)
