async def main():
    async with lock:
        async for item in stream:
            async with item as (a, b):
                await process(a, b)
