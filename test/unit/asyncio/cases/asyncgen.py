# Async generators, async comprehensions, aiter/anext, async with, and await's TypeErrors.
import asyncio


async def ticker(n):
    try:
        for i in range(n):
            await asyncio.sleep(0.1)
            received = yield i
            if received is not None:
                print('received', received)
    finally:
        print('ticker closed')


class Resource:
    async def __aenter__(self):
        print('open')
        return self

    async def __aexit__(self, et, ev, tb):
        print('close', et.__name__ if et else None)
        return et is KeyError


class Counter:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


class Awaitable:
    def __await__(self):
        yield
        return 'from __await__'


async def main():
    async for i in ticker(3):
        print('tick', i)
    print([i async for i in ticker(2)])
    print([c async for c in Counter(3)])
    g = ticker(5)
    print(type(g).__name__, g.__name__)
    print(await anext(g), await g.asend('hello'))
    try:
        await g.athrow(ValueError('into the generator'))
    except ValueError as e:
        print('athrow re-raised', e)
    print(await anext(g, 'exhausted'))
    await g.aclose()
    it = aiter(Counter(2))
    print(await anext(it), await anext(it), await anext(it, 'default'))
    try:
        await anext(it)
    except StopAsyncIteration:
        print('StopAsyncIteration')
    async with Resource() as r:
        print('inside', type(r).__name__)
    async with Resource():
        raise KeyError('suppressed')
    print(await Awaitable())
    for bad in (1, 'text', None):
        try:
            await bad
        except TypeError as e:
            print(e)
    try:
        async with object():
            pass
    except TypeError as e:
        print(e)
    try:
        async for x in [1, 2]:
            pass
    except TypeError as e:
        print(e)
    c = asyncio.sleep(0)
    await c
    try:
        await c
    except RuntimeError as e:
        print(e)


asyncio.run(main())
