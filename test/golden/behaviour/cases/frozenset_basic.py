# frozenset: construction, hashing, immutability, mixing with set (result types), repr
show(lambda: (frozenset(), frozenset([1, 2]), frozenset('aba'), frozenset(frozenset({3}))))
show(lambda: frozenset(1))
f = frozenset({1, 2, 3})
show(lambda: (hash(frozenset()), hash(f), hash(frozenset('ab')), hash(frozenset({(1, 2)}))))
show(lambda: {f: 'x'}[frozenset([3, 2, 1])])
show(lambda: (f | {4}, type(f | {4}), {4} | f, type({4} | f), f & {1}, f - {1}, f ^ {9}))
show(lambda: (f.union([5]), type(f.union([5])), f.copy() is f, f.intersection('a'), f.difference(), f.issubset(f)))
show(lambda: f.add(1))
show(lambda: f.remove(1))
def ior():
    g = f
    g |= {9}
    return g, f, type(g)
show(ior)
show(lambda: (f == {1, 2, 3}, f < {1, 2, 3, 4}, {1} < f, f.isdisjoint([7])))
show(lambda: {frozenset({1}), frozenset({1}), frozenset()})
show(lambda: frozenset([frozenset([1]), frozenset()]))
show(lambda: frozenset.__name__)
show(lambda: sorted(n for n in dir(f) if not n.startswith('_')))
show(lambda: frozenset() is frozenset())
class FS(frozenset):
    pass
show(lambda: FS([1]))
show(lambda: type(FS([1]) | {2}))
show(lambda: type(FS([1]).copy()))
show(lambda: hash(FS([1])) == hash(frozenset([1])))
show(lambda: set(f) == f)
show(lambda: frozenset(range(10, 0, -1)))
show(lambda: frozenset(['x', 'y', 'z', 'w']))
