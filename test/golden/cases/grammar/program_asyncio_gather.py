import asyncio


async def worker(name, delay):
    await asyncio.sleep(delay)
    return f"{name} done"


async def main():
    results = await asyncio.gather(*(worker(f"w{i}", 0) for i in range(3)))
    for r in results:
        print(r)


asyncio.run(main())
