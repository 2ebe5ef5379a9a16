with a:
    pass
with a as b:
    pass
with a as b, c as d, e:
    pass
with a() as (x, y):
    pass
with a as b.c, d as e[0]:
    pass
