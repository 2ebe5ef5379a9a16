async def f():
    await x
    y = await z
    await asyncio.sleep(0)
    return [await a for a in b]
async def g():
    async with lock:
        await q.get()
