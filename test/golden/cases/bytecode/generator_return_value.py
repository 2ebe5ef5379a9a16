def g():
    x = yield 1
    return x
def h():
    return (yield from g())
