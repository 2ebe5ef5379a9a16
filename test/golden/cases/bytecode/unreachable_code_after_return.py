def f(x):
    return x
    x = 1
    print(x)
def g():
    raise ValueError
    return 1
