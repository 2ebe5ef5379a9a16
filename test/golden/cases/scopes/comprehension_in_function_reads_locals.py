def f(n):
    k = 2
    return [i * k for i in range(n)]
