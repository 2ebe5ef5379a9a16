def f(items, limit):
    return {k: v for k, v in items if v < limit}
