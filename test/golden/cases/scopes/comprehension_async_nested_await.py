async def f(groups):
    return [[await item for item in g] async for g in groups]
