def f():
    def g():
        return 1
    return g
def h():
    def g():
        x = 1
        def g2():
            return x
        return g2
    return g
