def f(t):
    a, b = t
    a, b = b, a
    a, b, c = c, b, a
    (a, b), c = t
    a, *b = t
    *a, b, c = t
    [a, b] = t
    x = y = z = t
    return a, b, c, x, y, z
