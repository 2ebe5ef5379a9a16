# iterators: iter(seq), iter(callable, sentinel), next with default, StopIteration, exhaustion, protocols
it = iter([1, 2])
show(lambda: (next(it), next(it), next(it, 'end')))
show(lambda: next(it))
show(lambda: next([1]))
show(lambda: next(iter([]), None))
show(lambda: iter(5))
show(lambda: iter(5, 6))
show(lambda: iter())
def sentinel():
    values = iter([3, 2, 1, 0, -1])
    return list(iter(lambda: next(values), 0))
show(sentinel)
def callable_iterator_type():
    return type(iter(lambda: 1, 1)).__name__
show(callable_iterator_type)
class Counter:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
show(lambda: list(Counter(3)))
show(lambda: sum(Counter(5)))
show(lambda: 1 in Counter(3))
show(lambda: 7 in Counter(3))
class OldSeq:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return 'abc'[i]
show(lambda: list(OldSeq()))
show(lambda: 'b' in OldSeq())
show(lambda: type(iter(OldSeq())).__name__)
class BadIter:
    def __iter__(self):
        return 5
show(lambda: iter(BadIter()))
show(lambda: list(BadIter()))
class NoNext:
    def __iter__(self):
        return self
show(lambda: iter(NoNext()))
class IterNone:
    __iter__ = None
show(lambda: iter(IterNone()))
show(lambda: list(IterNone()))
def for_else():
    out = []
    for x in Counter(2):
        out.append(x)
    else:
        out.append('else')
    return out
show(for_else)
def iter_of_iter():
    i = iter('ab')
    return iter(i) is i
show(iter_of_iter)
show(lambda: list(iter(iter(iter('xyz')))))
show(lambda: [type(iter(x)).__name__ for x in ('', b'', bytearray(), [], (), {}, set(), frozenset(), range(1), {}.keys(), {}.values(), {}.items())])
show(lambda: type(iter(range(3))).__name__)
show(lambda: list(zip(*[iter('abcdef')] * 2)))
def gen():
    yield 1
    yield 2
show(lambda: (type(gen()).__name__, list(gen()), next(gen())))
show(lambda: [x for x in gen() for y in gen()])
show(lambda: next(x for x in []))
show(lambda: (x * 2 for x in 'a').__next__())
def stop_value():
    try:
        next(iter([]))
    except StopIteration as e:
        return repr(e), e.value, e.args
show(stop_value)
show(lambda: StopIteration(5).value)
show(lambda: StopIteration().value)
show(lambda: list(map(next, [iter('a'), iter('b')])))
