def f():
    x = 1
    return lambda: (nonlocal x)
