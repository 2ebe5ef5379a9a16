@a
@b.c(1)
@d[0]
def f():
    pass
@a
async def g():
    pass
