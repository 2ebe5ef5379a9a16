def f():
    x = 1
    x += 1
    def g():
        return x
    print(x)
    return g
