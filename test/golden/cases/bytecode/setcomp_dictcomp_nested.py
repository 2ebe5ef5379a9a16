def f(m):
    return {k: {v for v in vs} for k, vs in m.items()}
