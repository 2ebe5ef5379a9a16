async def agen():
    for i in range(3):
        yield i
async def main():
    result = [i async for i in agen() if i % 2]
    gen = (i * 2 async for i in agen())
    return result, gen
