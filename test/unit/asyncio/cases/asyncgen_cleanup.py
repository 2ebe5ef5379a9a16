# An async generator dropped unfinished is closed by the loop (the finalizer hook schedules aclose()).
import asyncio
async def agen(name):
    try:
        yield 1
        yield 2
    finally:
        print('cleanup', name)
        await asyncio.sleep(0)
        print('cleanup done', name)
async def main():
    async for x in agen('a'):
        break
    print('main after break')
    g = agen('b')
    await anext(g)
    print('main done')
asyncio.run(main())
print('end')
