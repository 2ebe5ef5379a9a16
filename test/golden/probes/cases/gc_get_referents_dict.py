import gc
print(gc.get_referents({1: "a", 2: "b"}))
print(gc.get_referents({"k": 5}))
