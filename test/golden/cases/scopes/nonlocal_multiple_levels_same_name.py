def a():
    x = 1
    def b():
        x = 2
        def c():
            nonlocal x
            x = 3
        return c
    return b
