# Task and Future reprs and states as CPython prints them.
import asyncio


async def child(n):
    await asyncio.sleep(n)
    return n * 2


async def broken():
    await asyncio.sleep(0)
    raise ValueError('nope')


def on_done(fut):
    print('callback saw', fut)


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(fut)
    fut.add_done_callback(on_done)
    print(fut)
    fut.set_result([1, 2, 3])
    print(fut, fut.done(), fut.result())
    await asyncio.sleep(0)

    t = asyncio.create_task(child(1))
    print(t)
    await asyncio.sleep(0)
    print(t)
    print(await t)
    print(t)

    t = asyncio.create_task(child(1), name='named')
    print(t.get_name(), t)
    t.set_name('renamed')
    await asyncio.sleep(0)
    t.cancel()
    print(t)
    try:
        await t
    except asyncio.CancelledError:
        pass
    print(t)

    t = asyncio.create_task(broken())
    await asyncio.sleep(0.1)
    print(t)
    print(repr(t.exception()))

    f2 = loop.create_future()
    f2.set_exception(KeyError('missing'))
    print(f2)
    try:
        f2.result()
    except KeyError as e:
        print('raised', repr(e))
    f3 = loop.create_future()
    f3.cancel()
    print(f3, f3.cancelled())
    f4 = loop.create_future()
    try:
        f4.result()
    except asyncio.InvalidStateError as e:
        print(type(e).__name__, e)
    f4.set_result('x' * 50)
    print(f4)
    try:
        f4.set_result(1)
    except asyncio.InvalidStateError as e:
        print(type(e).__name__, e)
    print(asyncio.current_task())
    try:
        asyncio.create_task(child)
    except TypeError as e:
        print(str(e).split(' at 0x')[0])
    coro = child(0)
    print(coro.__qualname__, coro.cr_running, coro.cr_await)
    coro.close()


asyncio.run(main())
print(asyncio.run(child(0)))
