def deco(f=lambda: 0):
    return f
@deco(lambda x: x)
def g(h=lambda: 1):
    return h
