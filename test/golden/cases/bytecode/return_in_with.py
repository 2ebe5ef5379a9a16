def f(a):
    with a:
        return 1
