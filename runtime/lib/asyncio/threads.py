"""asyncio.to_thread (CPython 3.11 Lib/asyncio/threads.py, without contextvars)."""

__all__ = ('to_thread',)

import functools

from . import events


async def to_thread(func, /, *args, **kwargs):
    """Run `func` in the loop's default executor and await its result."""
    loop = events.get_running_loop()
    func_call = functools.partial(func, *args, **kwargs)
    return await loop.run_in_executor(None, func_call)
