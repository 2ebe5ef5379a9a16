def f(a, b):
    return g(a if b else None, b or a, not a)
