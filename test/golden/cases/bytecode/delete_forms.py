x = 1
del x
def f(a):
    b = a
    del a, b
    global g
    del g
