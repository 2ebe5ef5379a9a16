f(a=1, b=2)
f(x, key=lambda v: v)
def gen():
    f(a=(yield))
f(print=print)
dict(match=1, case=2, _=3)
