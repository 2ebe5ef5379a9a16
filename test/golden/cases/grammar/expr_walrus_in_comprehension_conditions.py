def f(data):
    total = [last := x for x in data]
    good = [y for x in data if (y := x * 2) > 3]
    return last, y
