add = lambda a, b: a + b
def f(k):
    return lambda x: x + k
