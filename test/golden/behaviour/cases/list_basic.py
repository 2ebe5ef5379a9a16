# list: construction, indexing, slicing, concatenation, repetition, comparison, membership, repr
a = [1, 'two', 3.0, None, [5]]
show(lambda: (a, len(a), a[0], a[-1], a[1:3], a[::-1], a[::2], a[10:], a[-100:2]))
show(lambda: a[5])
show(lambda: a[-6])
show(lambda: a['x'])
show(lambda: a[1.5])
show(lambda: a[::0])
show(lambda: (list(), list('ab'), list(range(3)), list((1, 2)), list({'a': 1}), list({3}), list(b'xy')))
show(lambda: list(5))
show(lambda: list(x=1))
show(lambda: ([1] + [2], [1] * 3, 3 * [1], [1] * 0, [1] * -2, [[0]] * 2))
show(lambda: [1] + (2,))
show(lambda: [1] * 1.0)
show(lambda: ([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 9], [1, 2] == [1, 2], [1] == (1,)))
show(lambda: [1] < ['a'])
show(lambda: [1, 'a'] < [1, 'b'])
show(lambda: [1, 'a'] < [2, 3])
show(lambda: (1 in a, 'two' in a, 5 in a, [5] in a, 3 in a))
show(lambda: repr([]), )
show(lambda: repr([[], [[]], ['a', "b'"]]))
def recursive():
    r = [1]
    r.append(r)
    return r
show(recursive)
def recursive_eq():
    r = [1]
    r.append(r)
    return r == r
show(recursive_eq)
show(lambda: hash([]))
show(lambda: {[]: 1})
show(lambda: bool([]), )
show(lambda: [i * i for i in range(5) if i % 2])
show(lambda: [(i, j) for i in range(3) for j in range(i)])
show(lambda: [*'ab', *[1, 2]])
show(lambda: list.__name__)
show(lambda: [].__class__)
show(lambda: iter([]))
show(lambda: type(iter([])))
show(lambda: reversed([1, 2]))
show(lambda: list(reversed([1, 2, 3])))
show(lambda: [1, 2, 3].__getitem__(slice(1, None)))
show(lambda: [1, 2].__len__())
show(lambda: [1, 2].__contains__(2))
show(lambda: [1, 2].__add__((3,)))
show(lambda: [1, 2].__iadd__((3,)))
show(lambda: [1, 2].__mul__(2))
show(lambda: [1, 2].__eq__('x'))
show(lambda: [1, 2].__lt__('x'))
show(lambda: sorted(n for n in dir([]) if not n.startswith('_')))
class L(list):
    pass
show(lambda: L([1, 2]))
show(lambda: type(L([1, 2]) + [3]))
show(lambda: type(L([1, 2])[:1]))
show(lambda: L([1]) == [1])
def iadd_iterable():
    x = [1]
    x += 'ab'
    x += range(2)
    x *= 2
    return x
show(iadd_iterable)
def add_tuple():
    x = [1]
    x = x + 'ab'
show(add_tuple)
