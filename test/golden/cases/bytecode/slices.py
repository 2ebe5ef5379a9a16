def f(a, i, j):
    return a[:], a[i:], a[:j], a[i:j], a[i:j:2], a[::-1], a[i, j:]
