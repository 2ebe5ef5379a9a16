def f(x):
    if x:
        return
    return None
def g():
    return
