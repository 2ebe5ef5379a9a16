async def f(a, b):
    try:
        await a
    finally:
        await b
