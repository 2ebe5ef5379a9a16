print(f(x)
def g():
    pass
