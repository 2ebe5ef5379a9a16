import gc
gc.collect()
print(gc.get_freeze_count())
gc.freeze()
print(gc.get_freeze_count() > 0)
print(gc.get_count()[0])
gc.unfreeze()
print(gc.get_freeze_count())
