def g():
    yield
    yield 1
    yield 1, 2
    x = yield
    y = yield 2
    z = yield from other()
    await_like = (yield)
    f((yield))
    f(a=(yield))
    [(yield)]
    return (yield from x)
