async def outer():
    client = object()
    async def fetch(url):
        return await client.get(url)
    return fetch
