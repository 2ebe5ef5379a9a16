# set: construction, iteration order (CPython's hashes and table), repr, operators, comparisons
show(lambda: (set(), {1, 2, 3}, set('hello'), set([3, 2, 1]), set(range(20)), set((1.5, -1, 0))))
show(lambda: {'apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape'})
show(lambda: {i * 37 % 101 for i in range(30)})
show(lambda: {-1, -2, 2**61 - 1, 2**64, 10**20, 0.5, 1e100})
show(lambda: {('a', 1), ('b', 2), (3,), ()})
show(lambda: {True, 'x', b'x', 3.0, ('n',)})
show(lambda: set([[]]))
show(lambda: {{1}})
show(lambda: set(5))
a, b = {1, 2, 3, 4}, {3, 4, 5}
show(lambda: (a | b, a & b, a - b, b - a, a ^ b))
show(lambda: a | [5])
show(lambda: a + b)
show(lambda: (a < b, a <= a, a < a, {3} < b, b > {3}, a >= {1}, a == {4, 3, 2, 1}, a != b, a == frozenset(a)))
show(lambda: a < [1])
show(lambda: (3 in a, 9 in a, [] in a))
show(lambda: {1} in {frozenset({1})})
show(lambda: ({1, 2} == [1, 2], {1} == {1.0}, {0} == {False}))
def inplace():
    s = {1, 2, 3}
    s |= {4}
    s &= {1, 2, 4, 9}
    s -= {1}
    s ^= {7, 2}
    return s
show(inplace)
def recursive():
    class Holder:
        def __repr__(self):
            return repr(s)
    s = set()
    s.add(Holder())
    return s
show(recursive)
show(lambda: hash(set()))
show(lambda: {1, 2}.__len__())
show(lambda: sorted({'b', 'a'}))
show(lambda: {x % 3 for x in range(10)})
show(lambda: list({'x': 1, 'y': 2}.keys() | {'a'}) and 'ok')
show(lambda: {1, 2, 3} - {2} | {9})
show(lambda: set('abracadabra'))
show(lambda: len({1, 1.0, True}))
show(lambda: iter({1}))
show(lambda: type(iter({1})))
def mutate_during():
    s = {1, 2, 3}
    for x in s:
        s.add(x + 10)
show(mutate_during)
show(lambda: set.__name__)
show(lambda: {*'ab', *[1]} == {'a', 'b', 1})
show(lambda: sorted(n for n in dir(set()) if not n.startswith('_')))
show(lambda: {float('nan'), float('nan')} and len({float('nan'), float('nan')}))
show(lambda: {2**31, 2**32, 2**33, 2**60, 7, 15, 31})
show(lambda: set(list(range(100, 0, -7))))
show(lambda: {'a' * n for n in range(8)})
