import timeit
t = timeit.timeit(lambda: sum(range(10)), number=100)
print(type(t).__name__, t >= 0, len(timeit.repeat(lambda: None, repeat=3, number=10)))
