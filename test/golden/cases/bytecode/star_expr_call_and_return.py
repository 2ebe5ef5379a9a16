def f(*a, **k):
    return print(*a, sep="", **k)
