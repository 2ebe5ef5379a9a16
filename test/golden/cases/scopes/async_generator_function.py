async def ticker(n):
    for i in range(n):
        yield i
        await asyncio.sleep(0)
