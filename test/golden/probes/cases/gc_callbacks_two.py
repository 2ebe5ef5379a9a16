import gc
gc.collect()
order = []
gc.callbacks.append(lambda p, i: order.append("first " + p))
gc.callbacks.append(lambda p, i: order.append("second " + p))
gc.collect()
del gc.callbacks[:]
print(order)
