from functools import partial, reduce, wraps
import functools

def power(base, exponent, *, mod=None):
    return base ** exponent if mod is None else pow(base, exponent, mod)

square = partial(power, exponent=2)
print(square(7), square.func is power, square.args, square.keywords)
p = partial(power, 3, mod=5)
print(p(4))
print(repr(partial(max, 1, 2)))
nested = partial(partial(power, 2), 10)
print(nested(), nested.args)
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 'start'))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print('TypeError:', e)
try:
    partial(3)
except TypeError as e:
    print('TypeError:', e)

def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        print('calling', func.__name__)
        return func(*args, **kwargs)
    return wrapper

@logged
def add(a, b):
    """Add two numbers."""
    return a + b

print(add(1, 2), add.__name__, add.__doc__, add.__wrapped__(5, 6))
print(add.__qualname__)
