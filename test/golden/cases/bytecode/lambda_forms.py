f = lambda: 0
g = lambda *a, **k: (a, k)
h = lambda x: lambda y: x + y
i = lambda: (yield)
