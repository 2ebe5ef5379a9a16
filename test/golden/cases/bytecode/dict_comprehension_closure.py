def f(keys, n):
    return {k: (lambda: k * n) for k in keys}
