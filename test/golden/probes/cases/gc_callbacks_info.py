import gc
gc.collect()
log = []
def cb(phase, info):
    log.append((phase, sorted(info.items())))
gc.callbacks.append(cb)
l = []; l.append(l); del l
gc.collect()
gc.callbacks.remove(cb)
for entry in log:
    print(entry)
