# TaskGroup: results, the first error cancels the siblings, errors come out as an
# ExceptionGroup, except* splits it.
import asyncio


async def work(name, delay, fail=None):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f'{name} cancelled')
        raise
    if fail is not None:
        raise fail
    print(f'{name} done')
    return name


async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(work('a', 1))
        t2 = tg.create_task(work('b', 2))
    print('results:', t1.result(), t2.result())

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work('c', 1, ValueError('bad c')))
            tg.create_task(work('d', 3))
    except* ValueError as eg:
        print('caught', repr(eg), eg.exceptions)

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work('f', 1, ValueError('bad f')))
            tg.create_task(work('g', 1, TypeError('bad g')))
    except* ValueError as eg:
        print('value errors:', eg.exceptions)
    except* TypeError as eg:
        print('type errors:', eg.exceptions)

    # An error in the body itself also ends up in the group.
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work('h', 5))
            await asyncio.sleep(0.5)
            raise RuntimeError('body failed')
    except* RuntimeError as eg:
        print('body error:', eg.exceptions, str(eg))

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work('i', 1, KeyError('k')))
    except ExceptionGroup as eg:
        print('plain except:', type(eg).__name__, eg.message, len(eg.exceptions))
        match, rest = eg.split(KeyError)
        print(match, rest)

    tg = asyncio.TaskGroup()
    print(repr(tg))
    coro = work('j', 1)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print(e)
    coro.close()


asyncio.run(main())
