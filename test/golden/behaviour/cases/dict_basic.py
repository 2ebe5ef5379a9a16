# dict: construction forms, item access, KeyError text, order, repr, comparison, unhashable keys
show(lambda: (dict(), {}, dict(a=1), dict([('a', 1), ('b', 2)]), dict({'x': 1}, y=2), dict(zip('ab', (1, 2)))))
show(lambda: dict([('a', 1, 2)]))
show(lambda: dict([1]))
show(lambda: dict(5))
show(lambda: dict({}, {}))
show(lambda: dict(['ab', 'cd']))
d = {'b': 1, 'a': 2, 3: 'three', (1, 2): [4]}
show(lambda: (d, len(d), d['a'], d[3], d[(1, 2)]))
show(lambda: d['missing'])
show(lambda: d[(1, 3)])
show(lambda: d[[1]])
show(lambda: {[1]: 2})
show(lambda: {1: 'int', 1.0: 'float', True: 'bool'})
show(lambda: ('a' in d, 'z' in d, 3 in d, [1] in d))
def order():
    x = {}
    x['z'] = 1
    x['a'] = 2
    x['m'] = 3
    del x['a']
    x['a'] = 4
    x['z'] = 5
    return x, list(x)
show(order)
def delete_missing():
    x = {}
    del x['k']
show(delete_missing)
show(lambda: ({1: 2} == {1: 2}, {1: 2, 3: 4} == {3: 4, 1: 2}, {1: 2} == {1: 3}, {} == []))
show(lambda: {1: 2} < {1: 3})
show(lambda: repr({}), )
show(lambda: {'k': {'n': [1, {'d': ()}]}})
def recursive():
    r = {}
    r['self'] = r
    return r
show(recursive)
show(lambda: hash({}))
show(lambda: {**{'a': 1}, 'b': 2, **{'a': 3}})
show(lambda: {k: k * 2 for k in 'abc'})
show(lambda: {1: 'a'} | {2: 'b'})
show(lambda: {1: 'a'} | [(2, 'b')])
def ior():
    x = {1: 'a'}
    x |= [(2, 'b')]
    x |= {1: 'z'}
    return x
show(ior)
show(lambda: dict.fromkeys('abc'))
show(lambda: dict.fromkeys(range(3), []))
show(lambda: dict.fromkeys(5))
class Missing(dict):
    def __missing__(self, key):
        return f'missing {key}'
show(lambda: Missing(a=1)['a'])
show(lambda: Missing()['b'])
show(lambda: Missing().get('b'))
show(lambda: Missing(a=1))
show(lambda: type(Missing(a=1) | {}))
class BadHash:
    def __hash__(self):
        raise RuntimeError('no hash')
show(lambda: {BadHash(): 1})
class Key:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return 7
    def __eq__(self, other):
        return isinstance(other, Key) and self.n == other.n
    def __repr__(self):
        return f'Key({self.n})'
show(lambda: {Key(1): 'a', Key(2): 'b', Key(1): 'c'})
show(lambda: dict.__name__)
show(lambda: sorted(n for n in dir({}) if not n.startswith('_')))
show(lambda: dict(a=1).__len__())
show(lambda: {1: 2}.__getitem__(1))
show(lambda: {1: 2}.__contains__(2))
show(lambda: {}.__class__)
show(lambda: {1: 2}.__eq__(1))
show(lambda: iter({1: 2}))
def mutate_during_iteration():
    x = {1: 1, 2: 2}
    for k in x:
        x[k + 10] = 0
show(mutate_during_iteration)
def delete_during_iteration():
    x = {1: 1, 2: 2}
    for k in x:
        del x[k]
show(delete_during_iteration)
