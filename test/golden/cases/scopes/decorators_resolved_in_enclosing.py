def outer():
    def deco(f):
        return f
    @deco
    def inner():
        pass
    return inner
