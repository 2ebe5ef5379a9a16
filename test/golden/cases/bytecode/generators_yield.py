def gen(a):
    x = yield
    y = yield a
    yield from a
    z = yield from gen(a)
    return x, y, z
