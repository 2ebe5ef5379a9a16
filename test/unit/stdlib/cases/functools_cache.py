import functools

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(50))
print(fib.cache_info())
fib.cache_clear()
print(fib.cache_info())

@functools.lru_cache(maxsize=2)
def square(x):
    print('computing', x)
    return x * x

for v in [1, 2, 1, 3, 2, 1]:
    print(square(v))
print(square.cache_info())
print(square.cache_info().hits, square.cache_info()._fields)

@functools.cache
def slow(n):
    print('slow', n)
    return n + 1

print(slow(1), slow(1), slow.cache_info())

@functools.lru_cache
def plain(x):
    return x

print(plain(1), plain(1), plain.cache_info())

class Circle:
    def __init__(self, r):
        self.r = r

    @functools.cached_property
    def area(self):
        print('computing area')
        return 3 * self.r ** 2

c = Circle(2)
print(c.area, c.area, 'area' in c.__dict__)
