f = lambda a=lambda: 0, *b, c=lambda x: x, **d: (a, b, c, d)
g = lambda: [x for x in range(3)]
h = lambda x: (yield_ for yield_ in x)
