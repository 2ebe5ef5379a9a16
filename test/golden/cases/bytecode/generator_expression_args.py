def f(xs):
    return sum(x for x in xs), max((x for x in xs), default=0)
