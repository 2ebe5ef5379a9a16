async def f(source):
    return [x async for x in source]
async def g(items):
    return [await x for x in items]
