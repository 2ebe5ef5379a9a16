def f():
    x = 0
    def g():
        nonlocal x
        x += 1
        def h():
            nonlocal x
            x += 10
        return h
    return g
