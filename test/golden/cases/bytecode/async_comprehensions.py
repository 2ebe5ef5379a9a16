async def f(a, b):
    x = [y async for y in a]
    z = {y: w async for y in a for w in b}
    g = (y async for y in a)
    h = [await y for y in b]
    return x, z, g, h
