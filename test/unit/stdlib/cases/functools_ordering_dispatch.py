import functools

@functools.total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n
    def __repr__(self):
        return f'Version({self.n})'

a, b = Version(1), Version(2)
print(a < b, a > b, a <= b, a >= b, b >= a, a <= a)
print(sorted([Version(3), Version(1), Version(2)]))

def compare(x, y):
    return (x > y) - (x < y)

print(sorted([5, 2, 9, 1], key=functools.cmp_to_key(compare)))
print(sorted(['bb', 'a', 'ccc'], key=functools.cmp_to_key(lambda x, y: len(y) - len(x))))

@functools.singledispatch
def describe(x):
    return 'something'

@describe.register(int)
def _(x):
    return 'an int'

@describe.register(list)
def _(x):
    return 'a list'

print(describe(1), describe([1]), describe('s'), describe(True))
