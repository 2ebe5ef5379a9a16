def f(a, b, c):
    return [*a, 1, *b], (*a, *b), {*a, 2}, {**a, "k": 1, **b}, [1, *a]
