def f(a, b, c):
    x = b if a else c
    if (b if a else c):
        return x
    return None
