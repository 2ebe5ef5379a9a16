import weakref
a = [1, 2, 3]
wr = weakref.ref(a)
