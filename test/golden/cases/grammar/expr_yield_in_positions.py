def g():
    x = yield
    x += yield 1
    x: int = yield
    print((yield))
    if (yield):
        pass
    while (yield x):
        pass
    yield *a, b
    for y in (yield):
        pass
    return (yield), (yield from z)
