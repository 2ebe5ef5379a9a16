import gc
for v in (1, 2.5, "s", b"b", None, True, 10**30):
    print(type(v).__name__, gc.is_tracked(v))
