x = 1
def f():
    global x
    return x
