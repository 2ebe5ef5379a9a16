def f(n):
    gen = (i * n for i in range(3))
    return list(gen)
