def f(a, b):
    return {"x": a, "y": b}, {a: 1, "y": b}, {"x": a, **b, "z": 1}, {}
