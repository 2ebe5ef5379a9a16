import gc
gc.callbacks.append(lambda phase, info: print(phase, info))
print("end")
