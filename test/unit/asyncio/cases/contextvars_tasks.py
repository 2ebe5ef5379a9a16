# contextvars: each Task runs in its own copy of the context.
import asyncio, contextvars
request_id = contextvars.ContextVar('request_id', default='none')
async def handler(n):
    request_id.set(f'req-{n}')
    await asyncio.sleep(0.1 * (3 - n))
    print(n, request_id.get())
async def main():
    request_id.set('main')
    await asyncio.gather(*(handler(i) for i in range(3)))
    print('main sees', request_id.get())
    ctx = contextvars.copy_context()
    print(ctx[request_id], request_id in ctx, len(ctx))
    t = request_id.set('temp')
    print(request_id.get(), t.old_value)
    request_id.reset(t)
    print(request_id.get())
    try:
        request_id.reset(t)
    except RuntimeError as e:
        print('RuntimeError')
    v = contextvars.ContextVar('v')
    try:
        v.get()
    except LookupError:
        print('LookupError')
    print(ctx.run(lambda: request_id.get()))
asyncio.run(main())
print(request_id.get())
