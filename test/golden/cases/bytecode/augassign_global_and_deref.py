n = 0
def f():
    global n
    n += 1
    m = 0
    def g():
        nonlocal m
        m -= 1
    return g
