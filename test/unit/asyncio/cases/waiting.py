# wait(), as_completed(), timeouts, the loop's scheduling order and uncaught errors.
import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    return name


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, 'soon 1')
    loop.call_later(0.2, print, 'later 0.2')
    loop.call_later(0.1, print, 'later 0.1')
    loop.call_soon(print, 'soon 2')
    h = loop.call_later(0.15, print, 'never')
    h.cancel()
    print('cancelled handle:', h.cancelled())
    await asyncio.sleep(0.3)

    tasks = [asyncio.create_task(job(n, d)) for n, d in (('x', 3), ('y', 1), ('z', 2))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(tasks, timeout=1.5)
    print(sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(tasks)
    print(sorted(t.result() for t in done), len(pending))

    bad = [asyncio.create_task(job('ok', 1)), asyncio.create_task(job('bad', 0.5, True))]
    done, pending = await asyncio.wait(bad, return_when=asyncio.FIRST_EXCEPTION)
    print([repr(t.exception()) for t in done], len(pending))
    await asyncio.wait(pending)

    for coro in asyncio.as_completed([job('3', 3), job('1', 1), job('2', 2)]):
        print('as_completed', await coro)

    try:
        async with asyncio.timeout(1) as cm:
            await asyncio.sleep(5)
    except TimeoutError:
        print('timeout expired:', cm.expired())
    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0.1)
    print('no timeout:', cm.expired(), cm.when())
    try:
        async with asyncio.timeout_at(loop.time() + 0.5):
            await asyncio.sleep(1)
    except TimeoutError:
        print('timeout_at expired')
    try:
        await asyncio.wait([])
    except ValueError as e:
        print(e)
    coro = job('c', 1)
    try:
        await asyncio.wait([coro])
    except TypeError as e:
        print(e)
    coro.close()
    print(await asyncio.sleep(0.1, result='slept'))
    coro = job('nested', 0)
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print(e)
    coro.close()


asyncio.run(main())
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(loop.run_until_complete(job('rc', 0.1)), loop.is_running(), loop.is_closed())
loop.close()
print(loop.is_closed())
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print(e)


async def fails():
    await asyncio.sleep(0.1)
    raise KeyError('uncaught')


async def forgotten():
    asyncio.create_task(job('lost', 0, True))
    await asyncio.sleep(0.1)

async def never_awaited():
    return 1

coro = never_awaited()
del coro
print('after the warning')
asyncio.run(forgotten())
asyncio.run(fails())
