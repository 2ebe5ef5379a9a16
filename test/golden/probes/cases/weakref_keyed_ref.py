import weakref
class V:
    pass
v = V()
kr = weakref.KeyedRef(v, None, "key")
print(kr.key, kr() is v, isinstance(kr, weakref.ref))
