def f(a, b, c):
    if a < b < c:
        return 1
    while a == b == c:
        a += 1
    return 0
