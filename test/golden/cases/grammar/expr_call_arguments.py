f()
f(a)
f(a, b)
f(a, b=1)
f(*args)
f(**kwargs)
f(a, *args, b=1, **kwargs)
f(*a, *b, c, **d, **e)
f(a=1, *b)
f(**a, b=1)
f(a,)
f(
    a,
    b,
)
