def f(x):
    return x in (1, 2, 3), x in [1, 2, 3], x not in {1, 2, 3}, x in {"a", "b"}
