async def f():
    [x async for x in aiter()]
    {x async for x in aiter()}
    {k: v async for k, v in aiter()}
    (x async for x in aiter())
    [x for y in z async for x in y]
    [await x for x in y]
    [x async for x in y if await x]
