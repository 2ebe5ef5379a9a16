import weakref
for v in ([1], {"a": 1}, (1,), "s", 1, 2.0, None, b"x", object()):
    try:
        weakref.ref(v)
    except TypeError as e:
        print(e)
