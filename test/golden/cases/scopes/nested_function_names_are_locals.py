def f():
    def g():
        pass
    class C:
        pass
    async def h():
        pass
    return g, C, h
