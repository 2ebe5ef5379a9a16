def f(a, b):
    with a:
        with b:
            raise ValueError
