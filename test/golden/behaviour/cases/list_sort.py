# list.sort / sorted: stability, key, reverse, mixed types, errors, mutation during sort
data = [('b', 2), ('a', 2), ('c', 1), ('a', 1), ('b', 1)]
show(lambda: sorted(data))
show(lambda: sorted(data, key=lambda p: p[1]))
show(lambda: sorted(data, key=lambda p: p[1], reverse=True))
show(lambda: sorted(data, key=lambda p: p[0], reverse=True))
show(lambda: sorted([3, 1, 2], reverse=1))
show(lambda: sorted('hello world'))
show(lambda: sorted([3, 1.5, -2, True]))
show(lambda: sorted([1, 'a']))
show(lambda: sorted([[], [1], [0, 1]]))
show(lambda: sorted({'b': 1, 'a': 2}))
show(lambda: sorted([], key=len))
show(lambda: sorted(['bb', 'a', 'ccc', ''], key=len))
show(lambda: sorted(['B', 'a', 'C'], key=str.lower))
show(lambda: sorted([3, 1], key=None))
show(lambda: sorted([3, 1], 1))
show(lambda: sorted())
show(lambda: sorted([1, 2], cmp=1))
show(lambda: sorted([1, 2], key=5))
show(lambda: sorted(range(20), key=lambda n: n % 3))
show(lambda: sorted([float('nan'), 1, 0]) [1:])
def sort_in_place():
    a = [5, 2, 9, 1]
    r = a.sort()
    return a, r
show(sort_in_place)
def sort_mutating():
    a = [3, 2, 1]
    def key(x):
        a.append(x)
        return x
    a.sort(key=key)
    return a
show(sort_mutating)
show(lambda: [3, 1].sort(reverse=True, key=lambda x: -x))
show(lambda: [1, 2].sort(lambda x: x))
class Rev:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v > other.v
    def __repr__(self):
        return f'Rev({self.v})'
show(lambda: sorted([Rev(1), Rev(3), Rev(2)]))
class OnlyGt:
    def __init__(self, v):
        self.v = v
    def __gt__(self, other):
        return self.v > other.v
    def __repr__(self):
        return f'G{self.v}'
show(lambda: sorted([OnlyGt(2), OnlyGt(1)]))
show(lambda: max([OnlyGt(2), OnlyGt(5), OnlyGt(1)]))
show(lambda: sorted([object(), object()]) and 'sorted')
show(lambda: sorted(list(range(100)), key=lambda x: (x % 7, -x))[:20])
words = 'the quick brown fox jumps over the lazy dog again and again'.split()
show(lambda: sorted(words, key=lambda w: (len(w), w)))
show(lambda: sorted(words, key=len, reverse=True))
show(lambda: sorted(set(words)))
show(lambda: sorted([(1, 'b'), (1, 'a', 0), (0,)]))
show(lambda: sorted([2**70, -1, 2.5, 10**20]))
