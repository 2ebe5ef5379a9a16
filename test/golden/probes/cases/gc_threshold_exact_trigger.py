import gc
gc.collect()
gc.set_threshold(5, 100, 100)
events = []
gc.callbacks.append(lambda p, i: events.append((p, i["generation"])) if p == "start" else None)
class A:
    pass
keep = []
for i in range(12):
    keep.append(A())
gc.callbacks.clear()
gc.set_threshold(700, 10, 10)
print(events)
