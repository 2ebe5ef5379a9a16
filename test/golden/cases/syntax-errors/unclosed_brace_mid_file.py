d = {"a": 1
def f():
    return d
