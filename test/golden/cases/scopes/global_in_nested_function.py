def outer():
    x = 1
    def inner():
        global x
        x = 2
    return x
