del x
del x, y
del a.b, c[0], d[1:2]
del (e, f), [g, h]
del (i)
del [j]
del a.b.c[0].d
