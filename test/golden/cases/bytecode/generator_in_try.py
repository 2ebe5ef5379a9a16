def gen(a):
    try:
        yield 1
        yield from a
    except ValueError:
        yield 2
    finally:
        yield 3
