# asyncio with threads: run_in_executor, to_thread, wrap_future, run_coroutine_threadsafe.
import asyncio
import concurrent.futures
import threading
import time


def blocking(n):
    time.sleep(n)
    return n * 10


async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, blocking, 0.1))
    print(await asyncio.to_thread(blocking, 0.2))
    results = await asyncio.gather(*(loop.run_in_executor(None, blocking, 0.01 * i) for i in range(4)))
    print(results)
    with concurrent.futures.ThreadPoolExecutor(2, thread_name_prefix='pool') as ex:
        name = await loop.run_in_executor(ex, lambda: threading.current_thread().name)
        print(name)
    cf = concurrent.futures.Future()
    wrapped = asyncio.wrap_future(cf)
    print(type(wrapped).__name__, wrapped.done())
    threading.Timer(0.2, cf.set_result, args=('set by another thread',)).start()
    print(await wrapped)

    def from_thread():
        fut = asyncio.run_coroutine_threadsafe(asyncio.sleep(0.1, 'coroutine result'), loop)
        print('thread got', fut.result())

    t = threading.Thread(target=from_thread)
    t.start()
    await asyncio.sleep(0.5)
    t.join()
    try:
        await loop.run_in_executor(None, int, 'x')
    except ValueError as e:
        print('ValueError from the worker:', e)


asyncio.run(main())
print('end')
