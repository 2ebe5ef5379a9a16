def f(x):
    if 0:
        x = 1
    if "":
        x = 2
    if 1:
        x = 3
    while 1:
        break
    while None:
        pass
    return x
