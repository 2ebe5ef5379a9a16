def f(a, b, c, d):
    if (a and b) or (c and not d):
        return 1
    if not (a or b):
        return 2
    return 3
