import weakref
class S:
    __slots__ = ("a",)
class W:
    __slots__ = ("a", "__weakref__")
try:
    weakref.ref(S())
except TypeError as e:
    print(e)
w = W()
r = weakref.ref(w)
print(r() is w)
