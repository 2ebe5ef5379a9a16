def f(a, b):
    return not a is b, not a in b, not a == b, not (a < b)
