def countdown(n):
    while n > 0:
        yield n
        n -= 1
def delegate():
    yield from countdown(3)
