# slice objects: repr, attributes, indices(), equality, hashing (unhashable in 3.11), use with objects
s = slice(1, 10, 2)
show(lambda: (slice(5), slice(1, 5), s, slice(None), slice('a', [1], 2.5), s.start, s.stop, s.step))
show(lambda: slice())
show(lambda: slice(1, 2, 3, 4))
for sl in (slice(None), slice(2, 8), slice(-3, None), slice(None, None, -1), slice(1, 100, 3), slice(-100, -50), slice(5, 1, -2)):
    show(lambda: (sl.indices(10), sl.indices(0), sl.indices(3)))
show(lambda: slice(None, None, 0).indices(5))
show(lambda: slice(1, 2).indices(-1))
show(lambda: slice('a').indices(5))
show(lambda: (slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2) < slice(1, 3)))
show(lambda: hash(slice(1, 2)))
show(lambda: {slice(1): 2})
class Grab:
    def __getitem__(self, key):
        return key
g = Grab()
show(lambda: (g[1], g[1:2], g[::], g[1:2:3], g[1, 2], g[1:2, ...], g[:, None], g['a':]))
show(lambda: slice.__name__)
show(lambda: type(slice(1)).__name__)
show(lambda: s.__reduce__())
show(lambda: slice(1, 2).start.__class__)
show(lambda: 'abcdef'[slice(1, None, 2)])
show(lambda: [0, 1, 2, 3][slice(-2, None)])
class Idx:
    def __index__(self):
        return 3
show(lambda: slice(Idx()).indices(10))
show(lambda: slice(2**70).indices(10))
show(lambda: slice(None, None, -(2**70)).indices(10))
