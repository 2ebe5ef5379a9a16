import gc
x = [1, "two", None, 3.0]
print(gc.get_referents(x))
print(gc.get_referents(1, "s"))
