def f():
    n = 1
    return lambda x=n: x
