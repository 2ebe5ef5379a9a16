def f(a):
    if a is None:
        return 1
    if a is not None:
        return 2
    if None is a:
        return 3
