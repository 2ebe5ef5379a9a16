g = 1
def f():
    global g
    global a, b, c
    g = 2
    a = b = c = 3
