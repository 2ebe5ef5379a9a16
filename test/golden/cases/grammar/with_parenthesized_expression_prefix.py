with (a).b as c:
    pass
with (a, b)[0]:
    pass
with (a := b):
    pass
with (a) as b, (c) as d:
    pass
with (a)(b) as c:
    pass
with (a, b,) as c:
    pass
