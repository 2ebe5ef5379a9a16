def f(a, b, *args, c, **kw):
    def g():
        return a, c, kw
    b = 1
    return g
