def f(xs):
    a = [x for x in xs]
    b = {x for x in xs if x}
    c = {x: y for x, y in xs}
    d = (x for x in xs)
    e = [x * y for x in xs for y in x if y if x]
    g = [y for x in xs for y in [x]]
    return a, b, c, d, e, g
