def f():
    global a, b; a = 1; b = 2
    def g():
        nonlocal c
    c = 1
