async def stream(n):
    step = 2
    async def inner():
        return step
    for i in range(n):
        yield await inner()
