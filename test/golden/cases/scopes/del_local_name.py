def f():
    x = 1
    del x
def g():
    global y
    del y
