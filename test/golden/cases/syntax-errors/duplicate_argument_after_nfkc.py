def f(ﬁle, file):
    pass
