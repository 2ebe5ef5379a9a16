def f(items):
    for i, (a, b) in enumerate(items):
        pass
    return i
