async def f():
    pass
async def g(a, /, b=1, *c, d, **e) -> int:
    return await a
