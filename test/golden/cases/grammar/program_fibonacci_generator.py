def fib(limit):
    a, b = 0, 1
    while a < limit:
        yield a
        a, b = b, a + b


print(list(fib(100)))
squares = {n: n * n for n in fib(50) if n % 2 == 0}
