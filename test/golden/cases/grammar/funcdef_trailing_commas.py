def f(a,):
    pass
def g(a, /,):
    pass
def h(*, a,):
    pass
def i(*a,):
    pass
def j(**k,):
    pass
def k(
    a,
    b,
):
    pass
