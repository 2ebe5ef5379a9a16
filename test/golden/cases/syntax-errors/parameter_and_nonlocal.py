def outer():
    a = 1
    def f(a):
        nonlocal a
