def f(a, v):
    a.b.c.d = v
    a.b[0].c = v
    a[0][1] = v
