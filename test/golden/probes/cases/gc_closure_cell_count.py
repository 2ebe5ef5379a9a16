import gc
gc.collect()
def outer():
    x = []
    def inner():
        return x
    x.append(inner)
    return inner
f = outer()
del f
print(gc.collect())
