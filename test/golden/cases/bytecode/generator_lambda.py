g = lambda: (yield 1)
h = lambda: (yield)
