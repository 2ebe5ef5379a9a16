# map, filter, reversed: laziness, multiple iterables, None predicates, __reversed__/__len__ protocols
show(lambda: list(map(str, [1, 2, 3])))
show(lambda: list(map(pow, [2, 3], [3, 2], [5, 5])))
show(lambda: list(map(lambda a, b: a + b, 'ab', 'xyz')))
show(lambda: list(map(len, [])))
show(lambda: map(str))
show(lambda: map())
show(lambda: list(map(5, [1])))
show(lambda: map(str, 5))
show(lambda: type(map(str, [])).__name__)
show(lambda: list(filter(None, [0, 1, '', 'a', None, [], [0]])))
show(lambda: list(filter(lambda x: x > 1, [0, 1, 2, 3])))
show(lambda: list(filter(str.isdigit, 'a1b2')))
show(lambda: filter(None, 5))
show(lambda: filter(None))
show(lambda: list(filter(5, [1])))
show(lambda: type(filter(None, [])).__name__)
show(lambda: list(reversed([1, 2, 3])))
show(lambda: list(reversed((1, 2))))
show(lambda: list(reversed('abc')))
show(lambda: list(reversed(range(3))))
show(lambda: reversed({1, 2}))
show(lambda: reversed(5))
show(lambda: reversed(iter([1])))
show(lambda: list(reversed({'a': 1, 'b': 2})))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
class Rev:
    def __reversed__(self):
        return iter('custom')
class NoneRev:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
show(lambda: list(reversed(Seq())))
show(lambda: list(reversed(Rev())))
show(lambda: reversed(NoneRev()))
show(lambda: type(reversed(Seq())).__name__)
show(lambda: type(reversed([])).__name__)
show(lambda: type(reversed(())).__name__)
def lazy():
    calls = []
    m = map(lambda x: calls.append(x) or x, [1, 2, 3])
    first = next(m)
    return first, calls
show(lazy)
def exhausted():
    r = reversed([1, 2])
    list(r)
    return list(r), next(r, 'done')
show(exhausted)
show(lambda: reversed([1, 2]).__length_hint__())
show(lambda: iter([1, 2, 3]).__length_hint__())
def length_hint_after():
    it = iter([1, 2, 3])
    next(it)
    return it.__length_hint__()
show(length_hint_after)
show(lambda: list(map(int, ['1', 'x'])))
show(lambda: sum(map(int, '123')))
show(lambda: list(map(lambda *a: a, 'ab', 'cd', 'ef')))
