import collections.abc
from collections.abc import Iterable, Iterator, Mapping, Sequence, Callable, Hashable, Sized, Container, MutableMapping

print(isinstance([1, 2], Iterable), isinstance(5, Iterable), isinstance('s', Sequence))
print(isinstance(iter([]), Iterator), isinstance([], Iterator))
print(isinstance({}, Mapping), isinstance({}, MutableMapping), isinstance([], Mapping))
print(isinstance(len, Callable), isinstance(3, Callable), isinstance(3, Hashable), isinstance([], Hashable))
print(issubclass(list, Sized), issubclass(int, Container), issubclass(tuple, collections.abc.Sequence))

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n

print(isinstance(Countdown(3), Iterable), isinstance(Countdown(3), Iterator), list(Countdown(3)))

class MyMap(Mapping):
    def __init__(self, data):
        self._data = data
    def __getitem__(self, key):
        return self._data[key]
    def __iter__(self):
        return iter(self._data)
    def __len__(self):
        return len(self._data)

m = MyMap({'a': 1})
print(m.get('a'), m.get('b', 0), 'a' in m, isinstance(m, Mapping))

class Incomplete(Mapping):
    pass
try:
    Incomplete()
except TypeError as e:
    print(e)

def flatten(items):
    for x in items:
        if isinstance(x, Iterable) and not isinstance(x, str):
            yield from flatten(x)
        else:
            yield x
print(list(flatten([1, [2, [3, 'ab']], (4,)])))
