def f(f):
    return f
def g(x):
    def x():
        return 1
    return x
