def f():
    list = [1, 2]
    len = 3
    return list, len, print
def g():
    return list, len
