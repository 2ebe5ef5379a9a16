def f():
    pass
def g(a, b, c):
    return a
def h(a, b=1, c=2):
    pass
def one_liner(): return 1
