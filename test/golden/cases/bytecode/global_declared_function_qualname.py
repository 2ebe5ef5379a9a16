def outer():
    global g
    def g():
        pass
    return g
