def f(*, a):
    pass
def g(*, a=1, b):
    pass
def h(x, *args, a, b=2, **kw):
    pass
def i(*args, **kwargs):
    pass
def j(**kwargs):
    pass
