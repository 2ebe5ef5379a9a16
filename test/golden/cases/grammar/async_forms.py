async def f():
    async for x in aiter():
        pass
    else:
        pass
    async with a as b, c:
        pass
    await g()
    return [y async for y in z]
