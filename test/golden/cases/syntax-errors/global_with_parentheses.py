def f():
    global (a, b)
