import gc
a = (1, 2)
b = [3]
print(gc.get_referents(a, b))
