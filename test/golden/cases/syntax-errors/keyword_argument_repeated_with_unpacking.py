f(a=1, **kw, a=2)
