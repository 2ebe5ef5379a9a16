async def f(a, b):
    x = await a
    async for y in b:
        x += y
    else:
        x = 0
    async with a as c, b:
        await c
    return x
