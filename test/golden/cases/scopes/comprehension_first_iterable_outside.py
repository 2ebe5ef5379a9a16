def f(data):
    return [y for y in data]
def g():
    return [x for x in x]
