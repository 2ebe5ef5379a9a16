async def outer():
    def inner():
        await x
