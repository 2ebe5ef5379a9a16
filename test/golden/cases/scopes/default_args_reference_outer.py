def outer():
    default = []
    def f(a=default, *, b=len(default)):
        return a
    return f
