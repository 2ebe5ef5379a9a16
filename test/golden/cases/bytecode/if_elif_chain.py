def f(x):
    if x == 1:
        return "a"
    elif x == 2:
        return "b"
    elif x in (3, 4):
        return "c"
    else:
        return "d"
