import gc
gc.collect()
gc.disable()
ran = []
gc.callbacks.append(lambda p, i: ran.append(p))
gc.set_threshold(10)
keep = [[] for i in range(100)]
gc.callbacks.clear()
gc.set_threshold(700, 10, 10)
gc.enable()
print(ran)
print(gc.get_count()[0] >= 100)
