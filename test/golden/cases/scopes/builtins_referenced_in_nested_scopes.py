def f():
    def g():
        return len([print, range, isinstance])
    return g
