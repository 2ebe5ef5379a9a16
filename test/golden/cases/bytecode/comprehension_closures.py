def f(n, xs):
    return [lambda: x + n for x in xs], [[y * n for y in x] for x in xs]
