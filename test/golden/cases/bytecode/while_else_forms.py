def f(n):
    while n > 0:
        n -= 1
        if n == 5:
            break
    else:
        n = -1
    while True:
        n += 1
        if n > 10:
            return n
