def outer(prefix):
    def deco(f):
        return f
    @deco
    @(lambda f: (prefix, f)[1])
    def inner():
        return prefix
    return inner
