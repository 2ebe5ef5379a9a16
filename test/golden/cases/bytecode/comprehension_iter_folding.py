def f(a):
    return [x for x in [1, 2, 3]], [x for x in {1, 2}], [x for x in [a, 2]]
