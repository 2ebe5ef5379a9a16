# Cancellation: messages, states, propagation through awaits, shield, wait_for, gather.
import asyncio


async def sleeper(name, delay):
    try:
        await asyncio.sleep(delay)
        return name
    except asyncio.CancelledError as e:
        print(f'{name} cancelled with args {e.args}')
        raise
    finally:
        print(f'{name} finally')


async def swallow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print('swallowed')
    return 'survived'


async def main():
    t = asyncio.create_task(sleeper('a', 10))
    await asyncio.sleep(0)
    print(t.cancel('stop now'), t.cancelling(), t.done(), t.cancelled())
    try:
        await t
    except asyncio.CancelledError as e:
        print('awaiting a cancelled task raises', repr(e))
    print(t.done(), t.cancelled(), t.cancel())
    try:
        t.result()
    except asyncio.CancelledError as e:
        print('result() raises', type(e).__name__)

    # Cancelled before it ever ran: the coroutine never starts.
    t = asyncio.create_task(sleeper('b', 1))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('b was cancelled before starting')

    # A task that swallows CancelledError finishes normally.
    t = asyncio.create_task(swallow())
    await asyncio.sleep(0)
    t.cancel()
    print(await t, t.cancelled(), t.cancelling(), t.uncancel())

    # Cancelling a task that awaits another task cancels the inner one too.
    inner = asyncio.create_task(sleeper('inner', 10))
    async def outer():
        return await inner
    o = asyncio.create_task(outer())
    await asyncio.sleep(0)
    o.cancel()
    res = await asyncio.gather(o, return_exceptions=True)
    print('outer:', res, 'inner cancelled:', inner.cancelled())

    # shield: the outer wait is cancelled, the shielded task finishes.
    inner = asyncio.create_task(sleeper('shielded', 1))
    async def waiter():
        return await asyncio.shield(inner)
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.5)
    w.cancel()
    print('waiter:', await asyncio.gather(w, return_exceptions=True))
    print('shielded result:', await inner)

    # wait_for: a timeout cancels the inner coroutine and raises TimeoutError.
    try:
        await asyncio.wait_for(sleeper('slow', 5), timeout=1)
    except TimeoutError as e:
        print('wait_for timed out:', type(e).__name__, type(e.__cause__).__name__)
    print(await asyncio.wait_for(sleeper('fast', 1), timeout=5))

    # Cancelling gather() cancels its children.
    g = asyncio.gather(sleeper('g1', 5), sleeper('g2', 5))
    await asyncio.sleep(0.1)
    print('gather cancel:', g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print('gather raised CancelledError')

    # A child failing without return_exceptions: the first exception propagates.
    async def fail():
        await asyncio.sleep(0.1)
        raise KeyError('k')
    try:
        await asyncio.gather(sleeper('g3', 1), fail())
    except KeyError as e:
        print('gather raised', repr(e))
    await asyncio.sleep(2)

    # current_task / all_tasks
    me = asyncio.current_task()
    print(me.get_name(), me in asyncio.all_tasks(), len(asyncio.all_tasks()))


asyncio.run(main())
