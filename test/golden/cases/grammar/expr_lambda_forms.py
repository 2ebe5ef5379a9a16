lambda: 0
lambda x: x
lambda x, y: x + y
lambda x=1: x
lambda *args: args
lambda **kw: kw
lambda x, /, y: 0
lambda *, k: k
lambda a, b=2, /, c=3, *d, e, f=6, **g: 0
lambda x,: x
lambda: (yield)
lambda: lambda: 0
