import gc
gc.collect()
def f():
    try:
        1 / 0
    except ZeroDivisionError as e:
        return e
err = f()
print(gc.is_tracked(err), err.__traceback__ is not None)
del err
print(gc.collect())
