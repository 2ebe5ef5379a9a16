@dec
def f():
    pass
@dec1
@dec2(arg)
@a.b.c
def g():
    pass
@dec
class C:
    pass
