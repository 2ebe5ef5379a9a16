def f(a, b=1, /, c=2, *, d=3):
    return a, b, c, d
