def outer():
    x = y = 0
    def inner():
        nonlocal x
        nonlocal y, x
        x += 1
        y = 2
    return inner
