def f():
    x = 0
    def g():
        def h():
            nonlocal x
            x = 1
        return h
    return g
