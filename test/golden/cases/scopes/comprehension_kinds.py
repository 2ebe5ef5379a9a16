def f(items):
    a = [i for i in items]
    b = {i for i in items}
    c = {i: i for i in items}
    d = (i for i in items)
    return a, b, c, d
