async def agen(a):
    yield 1
    x = yield 2
    async for y in a:
        yield y
    await a
