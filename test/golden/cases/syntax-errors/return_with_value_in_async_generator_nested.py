async def outer():
    async def gen():
        yield
        return 1
