import asyncio


async def worker(queue, totals, n):
    total = 0
    for _ in range(n):
        total += await queue.get()
        queue.task_done()
        await asyncio.sleep(0)
    totals.append(total)


async def producer(queue, n):
    for i in range(n):
        await queue.put(i)


async def main():
    queue = asyncio.Queue(maxsize=64)
    totals = []
    workers = [asyncio.create_task(worker(queue, totals, 2500)) for _ in range(4)]
    await producer(queue, 10000)
    await queue.join()
    await asyncio.gather(*workers)
    timers = await asyncio.gather(*(asyncio.sleep(0.001 * (i % 50), result=i) for i in range(500)))
    print(sum(totals), sum(timers), len(asyncio.all_tasks()))


asyncio.run(main())
