def f():
    def g(a=y):
        pass
    global y
    y = 1
