async def f():
    return f"{await x} and {await y!r}"
def g():
    s = f"{(yield)}"
    t = f"{(yield from z)}"
