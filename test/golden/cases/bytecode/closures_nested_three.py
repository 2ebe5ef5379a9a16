def f():
    x = 1
    def g():
        y = 2
        def h():
            return x + y
        return h
    return g
