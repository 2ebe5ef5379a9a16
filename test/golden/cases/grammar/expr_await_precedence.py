async def f():
    await x
    await x ** 2
    -await x
    await x.y
    await x()
    await (await x)
    [await x for y in z]
    return await x + await y
