def f():
    y = 1
    class C:
        global y
        y = 2
        def m(self):
            return y
    return C
