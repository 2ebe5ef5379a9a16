# asyncio's Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier and queues.
import asyncio


async def main():
    lock = asyncio.Lock()
    order = []

    async def locked(i):
        async with lock:
            order.append(f'enter {i}')
            await asyncio.sleep(0.1)
            order.append(f'leave {i}')

    await asyncio.gather(*(locked(i) for i in range(3)))
    print(order, lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print(e)

    ev = asyncio.Event()

    async def wait_event(i):
        await ev.wait()
        print('event seen by', i)

    tasks = [asyncio.create_task(wait_event(i)) for i in range(3)]
    await asyncio.sleep(1)
    print('setting', ev.is_set())
    ev.set()
    await asyncio.gather(*tasks)

    cond = asyncio.Condition()
    items = []

    async def consumer(i):
        async with cond:
            await cond.wait_for(lambda: items)
            print('consumer', i, 'got', items.pop(0))

    cs = [asyncio.create_task(consumer(i)) for i in range(2)]
    await asyncio.sleep(0.1)
    for x in ('x', 'y'):
        async with cond:
            items.append(x)
            cond.notify()
        await asyncio.sleep(0.1)
    await asyncio.gather(*cs)

    sem = asyncio.Semaphore(2)
    active = []

    async def limited(i):
        async with sem:
            active.append(i)
            print('running', sorted(active))
            await asyncio.sleep(0.5)
            active.remove(i)

    await asyncio.gather(*(limited(i) for i in range(5)))
    bs = asyncio.BoundedSemaphore(1)
    await bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print(e)

    barrier = asyncio.Barrier(3)

    async def at_barrier(i):
        await asyncio.sleep(i * 0.1)
        pos = await barrier.wait()
        print('passed barrier', i, pos)

    await asyncio.gather(*(at_barrier(i) for i in range(3)))

    q = asyncio.Queue(maxsize=2)

    async def producer():
        for i in range(5):
            await q.put(i)
            print('put', i, q.qsize(), q.full())
        await q.put(None)

    async def consumer2():
        while (item := await q.get()) is not None:
            await asyncio.sleep(0.2)
            print('got', item)
            q.task_done()
        q.task_done()

    await asyncio.gather(producer(), consumer2())
    await q.join()
    print('joined', q.empty())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print('QueueEmpty')
    pq = asyncio.PriorityQueue()
    for x in (5, 1, 3):
        pq.put_nowait(x)
    lq = asyncio.LifoQueue()
    for x in (5, 1, 3):
        lq.put_nowait(x)
    print([pq.get_nowait() for _ in range(3)], [lq.get_nowait() for _ in range(3)])
    full = asyncio.Queue(1)
    full.put_nowait(1)
    try:
        full.put_nowait(2)
    except asyncio.QueueFull:
        print('QueueFull')
    print(str(full))


asyncio.run(main())
