def f():
    "doc"
def g():
    "doc"
    return 1
def h():
    x = 1
    "not a doc"
    return x
lam = lambda: "no doc"
