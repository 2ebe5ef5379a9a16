# dict views: keys/values/items reprs, set operations, membership, len, live updates, mapping attribute
d = {'a': 1, 'b': 2, 'c': 3}
k, v, i = d.keys(), d.values(), d.items()
show(lambda: (k, v, i, len(k), len(v), len(i)))
show(lambda: ('a' in k, 1 in v, ('a', 1) in i, ('a', 2) in i, 'a' in i, ([], 1) in i))
show(lambda: (k & {'a', 'z'}, k | {'z'}, k - {'a'}, k ^ {'a', 'z'}))
show(lambda: (i & {('a', 1)}, i - {('a', 1)}, i | {('z', 9)}))
show(lambda: ({'a', 'q'} & k, ['a', 'q'] & k if False else None, {'x'} | k))
show(lambda: k & ['a', 'b'])
show(lambda: v & v)
show(lambda: (k == {'a', 'b', 'c'}, k == ['a', 'b', 'c'], k < {'a', 'b', 'c', 'd'}, k <= k, k.isdisjoint({'q'}), k.isdisjoint('abc')))
show(lambda: (i == {('a', 1), ('b', 2), ('c', 3)}, v == v, v == d.values()))
show(lambda: (list(k), list(v), list(i), sorted(k, reverse=True)))
show(lambda: k.mapping)
show(lambda: i.mapping['b'])
def live():
    d2 = {1: 'x'}
    kk = d2.keys()
    d2[2] = 'y'
    del d2[1]
    return kk, len(kk)
show(live)
show(lambda: hash(k))
show(lambda: k[0])
show(lambda: type(k).__name__)
show(lambda: type(v).__name__)
show(lambda: type(i).__name__)
show(lambda: type(iter(k)).__name__)
show(lambda: type(iter(v)).__name__)
show(lambda: type(iter(i)).__name__)
show(lambda: type(reversed(k)).__name__)
show(lambda: ({}.keys(), {}.items() == set(), {1: 2}.items() ^ {(1, 2)}))
show(lambda: {'a': [1]}.items() & {('a', 1)})
show(lambda: {'a': [1]}.items() == {('a', 1)})
show(lambda: [x for x in {1: 2, 3: 4}.items()])
show(lambda: list(zip(d.keys(), d.values())))
show(lambda: sorted(n for n in dir(k) if not n.startswith('_')))
show(lambda: sorted(n for n in dir(i) if not n.startswith('_')))
show(lambda: d.keys() - ['a'])
show(lambda: d.keys() | range(2))
def iter_changed():
    d2 = {1: 1}
    it = iter(d2.values())
    d2[2] = 2
    return next(it)
show(iter_changed)
