async def f():
    x = await a
    y = [await b]
    z = {await c: await d}
    await e + await f
    return await g if await h else await i
